using System.Text.Json.Nodes;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// A staff member on Telegram answers a reporter on Bale with a photo whose size Telegram did not say; at send time
/// Telegram will not hand it over (too big to download), so the reporter gets nothing and the staff member is told why.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class CarriedFileTests
{
    private const long Reporter = 7401, Staff = 201;

    [Fact]
    public async Task A_file_its_messenger_will_not_hand_over_is_explained_to_the_staff_member_who_sent_it()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
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

        var staff = new MemberScript(bot, telegram, "telegram", Staff);
        var post = await staff.UntilAsync(m => m.Text?.StartsWith("مسئله تازه", StringComparison.Ordinal) == true, 0);
        await RecordedAsync(bot, post);
        telegram.EnqueueCallback(Staff, "st:reply:RJ-1001", post);
        var prompt = await staff.UntilAsync(m => m.Text == Texts.AskStaffReply("RJ-1001"), 0);
        await RecordedAsync(bot, prompt);

        // Telegram knows the file but will not let the bot download it (more than 20 MB).
        telegram.PutFile("big-photo", [1, 2, 3], size: FakeBotApiServer.MaxDownloadBytes + 1);
        telegram.EnqueueRaw(PhotoReply(prompt, "big-photo", "نقشه تعمیر لوله"));
        await staff.UntilAsync(m => m.Text == Texts.FileNotCarried("RJ-1001", "telegram", "bale"), 0);

        await bot.WaitUntilQuietAsync(MemberScript.Wait, telegram, bale);
        Assert.Empty(bale.Uploads);
        Assert.DoesNotContain(bale.SentTo(Reporter), m => m.Text?.Contains("نقشه تعمیر لوله", StringComparison.Ordinal) == true);
        await using var db = bot.Db();
        Assert.Single(await db.Outbox.Where(o => o.Messenger == "bale" && o.Status == OutboxStatus.Refused).ToListAsync());
    }

    private static Task RecordedAsync(BotTestHost bot, SentMessage sent) =>
        Eventually.StoredAsync(bot, db => db.Outbox.AnyAsync(o => o.Messenger == "telegram" && o.ChatId == sent.ChatId && o.SentMessageId == sent.MessageId));

    /// <summary>The staff member's photo, with no size given, as a reply to the bot's prompt in their private chat.</summary>
    private static JsonObject PhotoReply(SentMessage prompt, string fileId, string caption)
    {
        var chat = new JsonObject { ["id"] = Staff, ["type"] = "private", ["first_name"] = "کارشناس" };
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 9_100_001,
                ["from"] = new JsonObject { ["id"] = Staff, ["is_bot"] = false, ["first_name"] = "کارشناس" },
                ["chat"] = chat,
                ["date"] = now,
                ["photo"] = new JsonArray(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = 800, ["height"] = 600 }),
                ["caption"] = caption,
                ["reply_to_message"] = new JsonObject
                {
                    ["message_id"] = prompt.MessageId,
                    ["from"] = new JsonObject { ["id"] = 1, ["is_bot"] = true, ["first_name"] = "ربات" },
                    ["chat"] = chat.DeepClone(),
                    ["date"] = now,
                },
            },
        };
    }
}
