using System.Text.Json.Nodes;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The staff group's confirmation on Bale (Telegram's is in <see cref="StaffReplyTests"/>): a reply to a report's post
/// in a Bale group reaches the reporter only once its writer presses «ارسال به گزارش‌دهنده».
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class BaleStaffGroupTests
{
    private const long Reporter = 7501, Staff = 301, Group = -300300;

    [Fact]
    public async Task A_reply_to_the_post_in_a_Bale_group_waits_for_its_writers_choice()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = $"bale:{Staff}",
            ["Assembly:Secretariats:1:StaffChats:0"] = $"bale:{Group}",
        });

        var member = new MemberScript(bot, bale, "bale", Reporter);
        await member.RegisterAsync("حسن موسوی", "09137654321");
        await member.SayAsync("/report", Texts.AskTopic);
        await member.PressAsync("4", Texts.AskDescription(3));
        await member.SayAsync("آب آشامیدنی محله فین سه روز است قطع شده", Texts.AskAttachments(0, 10));
        await member.PressAsync("done", Texts.AskReportCounty("کاشان"));
        await member.PressAsync("0", Texts.AskPlace);
        await member.SayAsync("محله فین", Texts.AskSolution);
        await member.PressAsync("skip", Texts.AskAnonymity);
        await member.PressAsync("named", "پیش‌نمایش");
        await member.PressAsync("submit", "مسئله شما ثبت شد");

        var group = new MemberScript(bot, bale, "bale", Group);
        var post = await group.UntilAsync(m => m.Text?.StartsWith("مسئله تازه", StringComparison.Ordinal) == true, 0);
        await RecordedAsync(bot, post);
        bale.EnqueueRaw(GroupReply(post, 9_200_001, "فردا اکیپ می‌فرستیم"));
        var question = await group.UntilAsync(m => m.Text == Texts.HeldAsk("RJ-1001"), 0);
        Assert.Equal(9_200_001, question.ReplyToMessageId);
        Assert.Contains(Texts.HeldSendButton, question.ReplyMarkupJson);
        await RecordedAsync(bot, question);

        var reply = Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "فردا اکیپ می‌فرستیم");
        await bot.WaitUntilQuietAsync(MemberScript.Wait, bale);
        Assert.DoesNotContain(bale.SentTo(Reporter), m => m.Text == reply);

        bale.EnqueueCallback(Staff, "sh:send", question);
        await member.UntilAsync(m => m.Text == reply, 0);
        await bot.WaitUntilQuietAsync(MemberScript.Wait, bale);
        Assert.Single(bale.SentTo(Reporter), m => m.Text == reply);
    }

    private static Task RecordedAsync(BotTestHost bot, SentMessage sent) =>
        Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Messenger == "bale" && o.ChatId == sent.ChatId && o.SentMessageId == sent.MessageId));

    /// <summary>The staff member's text in the Bale group, as a reply to the bot's post.</summary>
    private static JsonObject GroupReply(SentMessage post, long messageId, string text)
    {
        var chat = new JsonObject { ["id"] = Group, ["type"] = "group", ["title"] = "کارشناسان" };
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = new JsonObject { ["id"] = Staff, ["is_bot"] = false, ["first_name"] = "کارشناس" },
                ["chat"] = chat,
                ["date"] = now,
                ["text"] = text,
                ["reply_to_message"] = new JsonObject
                {
                    ["message_id"] = post.MessageId,
                    ["from"] = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "ربات" },
                    ["chat"] = chat.DeepClone(),
                    ["date"] = now,
                },
            },
        };
    }
}
