using Assembly.Bot.Scheduling;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>A report from a member on Bale worked through every stage by staff on Telegram.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class StaffJourneyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Reporter = 7001, Staff = 201, OtherStaff = 202;

    [Fact]
    public async Task Reporter_on_Bale_staff_on_Telegram_through_the_three_stages_to_an_outcome_and_the_satisfaction_question()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?>
        {
            ["Assembly:Secretariats:1:Staff:0"] = "telegram:201",
            ["Assembly:Secretariats:1:Staff:1"] = "telegram:202",
        });

        // The member registers and reports on Bale (the conversation itself is covered elsewhere; here it is quick).
        async Task Say(string text, string expect)
        {
            var before = bale.SentTo(Reporter).Count;
            bale.EnqueueText(Reporter, text);
            await bale.WaitUntilAsync(b => b.SentTo(Reporter).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        async Task Press(string value, string expect)
        {
            await using var db = bot.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Reporter)).Step;
            var before = bale.SentTo(Reporter).Count;
            bale.EnqueueCallback(Reporter, Conversations.Flows.FlowButtons.Data(step, value), bale.SentTo(Reporter)[^1].MessageId);
            await bale.WaitUntilAsync(b => b.SentTo(Reporter).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        await Say("/start", Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"));
        await Say("حسن موسوی", Texts.AskPhoneAndWhoSees);
        await Say("09137654321", Texts.AskCounty);
        await Press("0", Texts.AskWorkingGroup);
        await Press("none", Texts.Registered("حسن موسوی"));
        await Say("/report", Texts.AskTopic);
        await Press("3", Texts.AskDescription(3)); // «خدمات شهری» → rajaei
        await Say("جاده روستای نشلج پر از چاله است و تصادف می‌شود", Texts.AskAttachments(0, 10));
        await Press("done", Texts.AskReportCounty("کاشان"));
        await Press("0", Texts.AskPlace);
        await Say("جاده نشلج", Texts.AskSolution);
        await Press("skip", Texts.AskAnonymity);
        await Press("named", "پیش‌نمایش");
        await Press("submit", "مسئله شما ثبت شد");

        // Staff on Telegram get the post, and work it.
        await telegram.WaitUntilAsync(t => t.SentTo(Staff).Any(m => m.Text!.StartsWith("مسئله تازه RJ-1001")), Wait);
        Assert.Contains("حسن موسوی", telegram.SentTo(Staff)[0].Text);
        Assert.DoesNotContain("۰۹۱۳۷۶۵۴۳۲۱", telegram.SentTo(Staff)[0].Text);

        async Task Staffs(long who, string command, string reporterSees)
        {
            telegram.EnqueueText(who, command);
            await bale.WaitUntilAsync(b => b.SentTo(Reporter).Any(m => m.Text == reporterSees), Wait);
        }

        await Staffs(Staff, "/reply RJ-1001 با اداره راه تماس گرفتیم.", Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "با اداره راه تماس گرفتیم."));
        await Staffs(Staff, "/stage RJ-1001 solution", Texts.ToReporterStage("RJ-1001", "دبیرخانه شهید رجایی", ReportStage.Solution));
        await Staffs(Staff, "/stage RJ-1001 followup", Texts.ToReporterStage("RJ-1001", "دبیرخانه شهید رجایی", ReportStage.FollowUp));
        await Staffs(Staff, "/followup RJ-1001 1406/01/20 نامه به اداره راه و شهرسازی", Texts.ToReporterFollowUp("RJ-1001", "دبیرخانه شهید رجایی", "نامه به اداره راه و شهرسازی", "۱۴۰۶/۰۱/۲۰"));

        // Two staff close at the same moment: one wins, the other is told.
        telegram.EnqueueText(Staff, "/close RJ-1001 resolved جاده آسفالت شد");
        telegram.EnqueueText(OtherStaff, "/close RJ-1001 resolved چاله‌ها پر شد");
        bool Answered(SentMessage m) => m.Text == Texts.AlreadyClosed || m.Text!.Contains("بسته شد و به گزارش‌دهنده خبر داده شد");
        await telegram.WaitUntilAsync(t => t.SentTo(Staff).Concat(t.SentTo(OtherStaff)).Count(Answered) >= 2, Wait);
        var refusals = telegram.SentTo(Staff).Concat(telegram.SentTo(OtherStaff)).Count(m => m.Text == Texts.AlreadyClosed);
        Assert.Equal(1, refusals);
        await bale.WaitUntilAsync(b => b.SentTo(Reporter).Any(m => m.Text!.StartsWith("رسیدگی به مسئله RJ-1001 پایان یافت")), Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram, bale);
        Assert.Single(bale.SentTo(Reporter), m => m.Text!.StartsWith("رسیدگی به مسئله RJ-1001 پایان یافت"));
        Assert.Empty(telegram.SentTo(Reporter)); // the reporter is on Bale only

        // Days later the reporter is asked whether it really was resolved; «no» reopens it and tells the staff.
        await using (var db = bot.Db())
        {
            var closed = await db.Reports.SingleAsync();
            Assert.True(closed.CheckAt > TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(2));
            closed.CheckAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await bot.Services.GetRequiredService<Scheduler>().RunOnceAsync(CancellationToken.None));
        await bale.WaitUntilAsync(b => b.SentTo(Reporter).Any(m => m.Text == Texts.AskResolved("RJ-1001", "دبیرخانه شهید رجایی")), Wait);
        var question = bale.SentTo(Reporter).Last(m => m.Text == Texts.AskResolved("RJ-1001", "دبیرخانه شهید رجایی"));
        bale.EnqueueCallback(Reporter, Satisfaction.Data("RJ-1001", resolved: false), question.MessageId);
        await bale.WaitUntilAsync(b => b.SentTo(Reporter).Any(m => m.Text == Texts.Reopened("RJ-1001")), Wait);
        await telegram.WaitUntilAsync(t => t.SentTo(Staff).Any(m => m.Text == Texts.ToStaffReopened(NoticeTexts.Head("RJ-1001", "خدمات شهری", "کاشان", "جاده روستای نشلج پر از چاله است و تصادف می‌شود"))), Wait);

        await using var check = bot.Db();
        var report = await check.Reports.Include(r => r.Events).SingleAsync();
        Assert.Equal((ReportStage.FollowUp, false), (report.Stage, report.ConfirmedResolved));
        Assert.Equal([ReportEventKind.Created, ReportEventKind.Replied, ReportEventKind.StageChanged, ReportEventKind.StageChanged, ReportEventKind.FollowUp, ReportEventKind.Closed, ReportEventKind.Reopened],
            report.Events.OrderBy(e => e.Id).Select(e => e.Kind));
    }
}
