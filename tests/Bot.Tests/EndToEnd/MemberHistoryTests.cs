using System.Text.Json.Nodes;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// A member on Telegram or on Bale files a report with the location button, is told what to expect, and reads the
/// secretariat's replies (from staff on Telegram) in the report's history, paged, without the notes.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class MemberHistoryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Reporter = 7101, Staff = 201;

    [Theory]
    [InlineData("telegram")]
    [InlineData("bale")]
    public async Task A_member_shares_the_location_by_button_and_reads_the_secretariats_replies_page_by_page(string messenger)
    {
        using var database = new TestDatabase();
        await using var staffSide = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, staffSide, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
        });
        // The member on either messenger; staff on Telegram.
        var member = messenger == "bale" ? bale : staffSide;

        async Task<SentMessage> Until(Func<SentMessage, bool> match, int before)
        {
            await member.WaitUntilAsync(t => t.SentTo(Reporter).Skip(before).Any(match), Wait);
            return member.SentTo(Reporter).Skip(before).First(match);
        }

        async Task<SentMessage> Say(string text, string expect)
        {
            var before = member.SentTo(Reporter).Count;
            member.EnqueueText(Reporter, text);
            return await Until(m => m.Text!.StartsWith(expect, StringComparison.Ordinal), before);
        }

        async Task<SentMessage> Press(string value, string expect)
        {
            await using var db = bot.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Reporter)).Step;
            var before = member.SentTo(Reporter).Count;
            member.EnqueueCallback(Reporter, Conversations.Flows.FlowButtons.Data(step, value), member.SentTo(Reporter)[^1].MessageId);
            return await Until(m => m.Text!.StartsWith(expect, StringComparison.Ordinal), before);
        }

        await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        Assert.Contains(Texts.PhoneSeenBy, (await Say("حسن موسوی", Texts.AskPhone)).Text);
        await Say("09137654321", Texts.AskCounty);
        await Press("0", Texts.AskWorkingGroup);
        await Press("none", Texts.Registered("حسن موسوی"));
        await Say("/report", Texts.AskTopic);
        await Press("3", Texts.AskDescription(3)); // «خدمات شهری» → rajaei
        await Say("جاده روستای نشلج پر از چاله است و تصادف می‌شود", Texts.AskAttachments(0, 10));
        await Press("done", Texts.AskReportCounty("کاشان"));
        var place = await Press("0", Texts.AskPlace);
        var button = JsonNode.Parse(place.ReplyMarkupJson!)!["keyboard"]![0]![0]!;
        Assert.Equal((Texts.SendLocation, true), ((string)button["text"]!, (bool)button["request_location"]!));

        var before = member.SentTo(Reporter).Count;
        member.EnqueueLocation(Reporter);
        await Until(m => m.Text == Texts.LocationNoted, before);
        await Press("skip", Texts.AskAnonymity);
        await Press("named", "پیش‌نمایش");
        var submitted = await Press("submit", "مسئله شما ثبت شد");
        Assert.Equal(Texts.Submitted("RJ-1001", "دبیرخانه شهید رجایی", 48), submitted.Text);
        Assert.Contains("تا ۲ روز کاری", submitted.Text);

        // The pinned place reaches staff as a map beside the post.
        await staffSide.WaitUntilAsync(t => t.SentTo(Staff).Any(m => m.Method == "sendLocation"), Wait);

        staffSide.EnqueueText(Staff, "/note RJ-1001 یادداشتی که عضو نباید ببیند");
        for (var i = 1; i <= ReportHistory.EventsPerPage; i++)
        {
            var reply = $"پاسخ شماره {PersianText.ToPersianDigits(i)} دبیرخانه";
            staffSide.EnqueueText(Staff, "/reply RJ-1001 " + reply);
            await member.WaitUntilAsync(t => t.SentTo(Reporter).Any(m => m.Text!.EndsWith(reply, StringComparison.Ordinal)), Wait);
        }

        var history = await Say("RJ-1001", "مسئله RJ-1001\n");
        Assert.Contains(Texts.HistoryReplied($"پاسخ شماره {PersianText.ToPersianDigits(ReportHistory.EventsPerPage)} دبیرخانه"), history.Text);
        Assert.DoesNotContain("یادداشتی", history.Text);
        Assert.DoesNotContain(Texts.HistoryCreated, history.Text);
        Assert.Contains(Texts.OlderEventsButton, history.ReplyMarkupJson);

        before = member.SentTo(Reporter).Count;
        member.EnqueueCallback(Reporter, OlderData(history), history);
        var older = await Until(m => m.Text!.StartsWith(Texts.HistoryOlderHeader("RJ-1001"), StringComparison.Ordinal), before);
        Assert.EndsWith(Texts.HistoryCreated, older.Text);
        Assert.DoesNotContain("یادداشتی", older.Text);
    }

    private static string OlderData(SentMessage message) =>
        JsonNode.Parse(message.ReplyMarkupJson!)!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => (string)b!["callback_data"]!).Single(d => d.StartsWith(ReportHistory.OlderPrefix, StringComparison.Ordinal));
}
