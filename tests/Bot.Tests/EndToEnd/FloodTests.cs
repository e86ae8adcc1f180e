using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Through the real host on a fake clock: a reporter's additions within ten minutes reach staff as one post, edited as
/// they come; past the hourly limit the reporter is told from when, nothing more reaches staff, and an hour on they
/// may go again, in a new post.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class FloodTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Reporter = 7001, Staff = 201;

    [Fact]
    public async Task Additions_grow_one_post_and_past_the_hourly_limit_the_reporter_is_told_when_to_go_on()
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, clock: clock, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
            ["Conversations:MaxAdditionsPerHour"] = "3",
            ["Conversations:IdleMinutes"] = "600",
        });
        // Paced bulk waits on the clock: it runs at about twice real time, far from the ten-minute window.
        using var stop = new CancellationTokenSource();
        var pump = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                clock.Advance(TimeSpan.FromMilliseconds(40));
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
            }
        });

        async Task Say(string text, string expect)
        {
            var before = telegram.SentTo(Reporter).Count;
            telegram.EnqueueText(Reporter, text);
            await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        async Task Press(string data, string expect)
        {
            var before = telegram.SentTo(Reporter).Count;
            telegram.EnqueueCallback(Reporter, data, telegram.SentTo(Reporter)[^1].MessageId);
            await telegram.WaitUntilAsync(t => t.SentTo(Reporter).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        async Task Step(string value, string expect)
        {
            await using var db = bot.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Reporter)).Step;
            await Press(Conversations.Flows.FlowButtons.Data(step, value), expect);
        }

        const string description = "جاده روستای نشلج پر از چاله است و تصادف می‌شود";
        await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await Say("حسن موسوی", Texts.AskPhone);
        await Say("09137654321", Texts.AskCounty);
        await Step("0", Texts.AskWorkingGroup);
        await Step("none", Texts.Registered("حسن موسوی"));
        await Say("/report", Texts.AskTopic);
        await Step("3", Texts.AskDescription(3));
        await Say(description, Texts.AskAttachments(0, 10));
        await Step("done", Texts.AskReportCounty("کاشان"));
        await Step("0", Texts.AskPlace);
        await Say("جاده نشلج", Texts.AskSolution);
        await Step("skip", Texts.AskAnonymity);
        await Step("named", "پیش‌نمایش");
        await Step("submit", "مسئله شما ثبت شد");

        await Press(MyReports.AddPrefix + "RJ-1001", Texts.AskAddition("RJ-1001"));
        string[] words = ["از کیلومتر سه تا پنج جاده", "کنار پل دوم هم چاله هست", "دیروز دو خودرو آسیب دید"];
        foreach (var said in words) await Say(said, Texts.AddedAskMore("RJ-1001"));
        await bot.WaitUntilQuietAsync(Wait, telegram);

        static bool IsAdditionPost(SentMessage m) => m.Text?.StartsWith("پیام", StringComparison.Ordinal) == true;
        var post = Assert.Single(telegram.SentTo(Staff), m => m.Method == "sendMessage" && IsAdditionPost(m));
        var shown = telegram.SentTo(Staff).Last(m => m.MessageId == post.MessageId);
        Assert.Equal(NoticeTexts.Added("RJ-1001", "خدمات شهری", "کاشان", words, description: description), shown.Text);
        Assert.Contains("st:open:RJ-1001", shown.ReplyMarkupJson);
        var staffBefore = telegram.SentTo(Staff).Count;

        // The fourth within the hour is refused, with the time the first leaves the hour.
        DateTime first;
        await using (var db = bot.Db())
            first = (await db.ReportEvents.Where(e => e.Kind == ReportEventKind.MemberMessage).Select(e => e.At).ToListAsync()).Min();
        var minute = TimeSpan.TicksPerMinute;
        var until = new DateTime((first.AddHours(1).Ticks + minute - 1) / minute * minute, DateTimeKind.Utc);
        await Say("باز هم تصادف شد", Texts.AdditionsLimit(3, PersianTime.LongDate(until, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"))));
        await bot.WaitUntilQuietAsync(Wait, telegram);
        Assert.Equal(staffBefore, telegram.SentTo(Staff).Count);
        await using (var db = bot.Db())
            Assert.Equal(3, await db.ReportEvents.CountAsync(e => e.Kind == ReportEventKind.MemberMessage));

        // An hour on, it goes, in a post of its own: the first is far older than ten minutes.
        clock.Advance(TimeSpan.FromMinutes(61));
        await Say("باز هم تصادف شد", Texts.AddedAskMore("RJ-1001"));
        await telegram.WaitUntilAsync(t => t.SentTo(Staff).Count(m => m.Method == "sendMessage" && IsAdditionPost(m)) == 2, Wait);
        Assert.Equal(NoticeTexts.Added("RJ-1001", "خدمات شهری", "کاشان", ["باز هم تصادف شد"], description: description),
            telegram.SentTo(Staff).Last(m => m.Method == "sendMessage" && IsAdditionPost(m)).Text);

        await stop.CancelAsync();
        await pump;
    }
}
