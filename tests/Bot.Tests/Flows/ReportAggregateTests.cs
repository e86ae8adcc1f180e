using System.Globalization;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Every change to a report, through the brain on real SQLite: each writes its event and raises the version once
/// per event, a move the lifecycle refuses is told and changes nothing, and the deadlines follow the report.
/// </summary>
public sealed class ReportAggregateTests : IAsyncLifetime
{
    private const long Admin = 1, Rajaei = 201, Reporter = 501, Follower = 600;

    // Alike enough for the follower to be offered the reporter's report.
    private const string ReporterDescription = "آب آشامیدنی محله فین سه روز است قطع شده چون لوله اصلی ترکیده";
    private const string FollowerDescription = "سه روز است آب آشامیدنی محله فین قطع شده";

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:0:FirstAnswerHours", "72"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:FirstAnswerHours", "24"),
        ("Assembly:Secretariats:1:FollowUpDays", "7"),
        ("Deadlines:ResolvedCheckDays", "3"));

    private DateTime _filedAt;

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync(phone: "09121111111");
        _filedAt = _chat.Now;
        await _chat.FileReportAsync(description: ReporterDescription); // RJ-1001, «آب و برق و گاز» → rajaei
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> As(long user, string text)
    {
        _chat.As = ("telegram", user, "کارشناس");
        return _chat.Say(text);
    }

    private Task<Reply> AsReporter(Func<Task<Reply>> act)
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        return act();
    }

    private async Task<Report> ReportAsync(string code = "RJ-1001")
    {
        await using var db = _chat.Db();
        return await db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Code == code);
    }

    /// <summary>Runs a change and checks it wrote exactly these events, in order, and raised the version once for each.</summary>
    private async Task ChangesAsync(Func<Task> change, params ReportEventKind[] events)
    {
        var before = await ReportAsync();
        await change();
        var after = await ReportAsync();
        var lastSeen = before.Events.Max(e => e.Id);
        Assert.Equal(events, after.Events.Where(e => e.Id > lastSeen).OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal(before.Version + events.Length, after.Version);
    }

    /// <summary>Runs a refused change and checks its answer, and that the report is as it was: no event, same version, same state.</summary>
    private async Task RefusedAsync(Func<Task<Reply>> change, Func<Reply, string?> answer, string expected, string code = "RJ-1001")
    {
        var before = await ReportAsync(code);
        var reply = await change();
        Assert.Equal(expected, answer(reply));
        var after = await ReportAsync(code);
        Assert.Equal((before.Version, before.Events.Count, before.Stage, before.Outcome, before.DueAt, before.CheckAt, before.ConfirmedResolved),
            (after.Version, after.Events.Count, after.Stage, after.Outcome, after.DueAt, after.CheckAt, after.ConfirmedResolved));
    }

    [Fact]
    public async Task Every_kind_of_change_writes_its_event_and_raises_the_version_once_per_event()
    {
        var filed = await ReportAsync();
        Assert.Equal((1, ReportEventKind.Created, ReportAggregate.MemberActor), (filed.Version, filed.Events.Single().Kind, filed.Events.Single().Actor));

        await ChangesAsync(() => As(Rajaei, "/reply RJ-1001 پیگیری می‌کنیم"), ReportEventKind.Replied);
        await ChangesAsync(() => As(Rajaei, "/note RJ-1001 با آبفا تماس گرفتیم"), ReportEventKind.Note);
        await ChangesAsync(() => As(Rajaei, "/stage RJ-1001 followup"), ReportEventKind.StageChanged);
        await ChangesAsync(() => As(Rajaei, "/followup RJ-1001 ۱۴۰۵/۱۰/۰۱ نامه به فرمانداری فرستاده شد"), ReportEventKind.FollowUp);
        await ChangesAsync(async () =>
        {
            await AsReporter(() => _chat.PressData(MyReports.AddPrefix + "RJ-1001"));
            await AsReporter(() => _chat.Say("امروز هم آب نیامد"));
        }, ReportEventKind.MemberMessage);
        await ChangesAsync(async () =>
        {
            await AsReporter(() => _chat.PressData(MyReports.AddPrefix + "RJ-1001"));
            await AsReporter(() => _chat.SendFile(AttachmentKind.Photo));
        }, ReportEventKind.MemberAttachment);
        await ChangesAsync(async () =>
        {
            _chat.As = ("bale", Follower, "رضا");
            await _chat.RegisterAsync(phone: "09122222222");
            await _chat.FileReportAsync(description: FollowerDescription, submit: false);
            Assert.Equal([Texts.Following("RJ-1001")], (await _chat.Press("f:RJ-1001")).Texts);
        }, ReportEventKind.Followed);
        await ChangesAsync(() => As(Rajaei, "/close RJ-1001 resolved آب وصل شد"), ReportEventKind.Closed);
        await ChangesAsync(() => AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false))), ReportEventKind.Reopened);
        await ChangesAsync(() => As(Admin, "/route RJ-1001 modarres"), ReportEventKind.Routed);
        await ChangesAsync(() => { _chat.As = ("telegram", Admin, "کارشناس"); return _chat.CloseConfirmedAsync("/close RJ-1001 rejected خارج از حوزه ماست"); }, ReportEventKind.Closed);
        // Staff move a closed report back: it is reopened, then moved.
        await ChangesAsync(() => As(Admin, "/stage RJ-1001 solution"), ReportEventKind.Reopened, ReportEventKind.StageChanged);
        await ChangesAsync(() => As(Admin, "/close RJ-1001 resolved"), ReportEventKind.Closed);

        // Each event names who acted: the staff account, or the member.
        var actors = (await ReportAsync()).Events.OrderBy(e => e.Id).Select(e => e.Actor).ToList();
        Assert.Equal(["member", "telegram:201", "telegram:201", "telegram:201", "telegram:201", "member", "member", "member", "telegram:201", "member",
            "telegram:1", "telegram:1", "telegram:1", "telegram:1", "telegram:1"], actors);
    }

    [Fact]
    public async Task The_reporters_yes_is_an_event_shown_to_the_staff_and_raises_the_version()
    {
        await As(Rajaei, "/close RJ-1001 resolved");
        await ChangesAsync(() => AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: true))), ReportEventKind.ConfirmedResolved);
        Assert.True((await ReportAsync()).ConfirmedResolved);
        Assert.Contains("گزارش‌دهنده تأیید کرد که مسئله حل شده است", (await As(Rajaei, "/show RJ-1001")).Last.Text);
    }

    [Fact]
    public async Task A_move_the_lifecycle_refuses_is_told_and_changes_nothing()
    {
        await RefusedAsync(() => As(Rajaei, "/stage RJ-1001 identification"), r => r.Texts.Single(), Texts.SameStage(ReportStage.Identification));
        await RefusedAsync(() => As(Rajaei, "/route RJ-1001 rajaei"), r => r.Texts.Single(), Texts.SameSecretariat);

        // A member about to file sees the report offered while it is open; staff close it before they press follow.
        _chat.As = ("bale", Follower, "رضا");
        await _chat.RegisterAsync(phone: "09122222222");
        await _chat.FileReportAsync(description: FollowerDescription, submit: false);
        _chat.As = ("telegram", Rajaei, "کارشناس");
        await _chat.CloseConfirmedAsync("/close RJ-1001 rejected خارج از حوزه ماست");
        _chat.As = ("bale", Follower, "رضا");
        await RefusedAsync(() => _chat.Press("f:RJ-1001"), r => r.Texts[0], Texts.CannotFollow);

        await RefusedAsync(() => As(Admin, "/close RJ-1001 resolved"), r => r.Texts.Single(), Texts.AlreadyClosed);
        _chat.As = ("telegram", Rajaei, "کارشناس");
        await RefusedAsync(() => _chat.PressData("st:close:RJ-1001:unresolved"), r => r.Texts.Single(), Texts.AlreadyClosed);
        // A closed report has no deadlines: a follow-up action waits until staff move it back to a stage.
        await RefusedAsync(() => As(Rajaei, "/followup RJ-1001 ۱۴۰۵/۱۰/۰۱ تماس با فرمانداری"), r => r.Texts.Single(), Texts.AlreadyClosed);
        // «Was it resolved?» is over for a report closed otherwise: an old «no» does not reopen it.
        await RefusedAsync(() => AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false))), r => r.Answer?.Notice, Texts.AlreadyAnswered);
        await RefusedAsync(() => AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: true))), r => r.Answer?.Notice, Texts.AlreadyAnswered);

        // Answered once, the question cannot be answered again.
        await As(Rajaei, "/stage RJ-1001 followup");
        await As(Rajaei, "/close RJ-1001 resolved");
        await AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: true)));
        await RefusedAsync(() => AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false))), r => r.Answer?.Notice, Texts.AlreadyAnswered);
    }

    [Fact]
    public async Task Each_change_sets_or_clears_the_deadlines_it_implies()
    {
        var report = await ReportAsync();
        Assert.Equal((DeadlineKind.FirstAnswer, (DateTime?)_filedAt.AddHours(24)), (report.DueKind, report.DueAt));

        // Reminded of the first answer; a new secretariat gets its own time for it, not yet reminded of.
        _chat.Now = _filedAt.AddHours(25);
        Assert.NotEmpty(await _chat.DeadlinesDueAsync());
        Assert.NotNull((await ReportAsync()).RemindedAt);
        await As(Admin, "/route RJ-1001 modarres");
        report = await ReportAsync();
        Assert.Equal((DeadlineKind.FirstAnswer, (DateTime?)_chat.Now.AddHours(72), (DateTime?)null), (report.DueKind, report.DueAt, report.RemindedAt));

        await As(Admin, "/reply RJ-1001 پیگیری می‌کنیم");
        report = await ReportAsync();
        Assert.Equal((DeadlineKind.FirstAnswer, (DateTime?)null), (report.DueKind, report.DueAt));

        await As(Admin, "/route RJ-1001 rajaei"); // answered already: no new first-answer time
        Assert.Null((await ReportAsync()).DueAt);

        await As(Rajaei, "/stage RJ-1001 followup"); // seven working days from Sunday: Friday is off
        report = await ReportAsync();
        Assert.Equal((DeadlineKind.FollowUp, (DateTime?)_chat.Now.AddDays(8)), (report.DueKind, report.DueAt));

        await As(Rajaei, "/followup RJ-1001 ۱۴۰۵/۱۰/۰۱ نامه به فرمانداری فرستاده شد");
        var day = new PersianCalendar().ToDateTime(1405, 10, 1, 0, 0, 0, 0);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(day, _chat.Context.Zone), (await ReportAsync()).DueAt);

        await As(Rajaei, "/stage RJ-1001 solution"); // leaving follow-up ends its cadence
        report = await ReportAsync();
        Assert.Equal((DeadlineKind.FollowUp, (DateTime?)null), (report.DueKind, report.DueAt));

        await As(Rajaei, "/stage RJ-1001 followup");
        await As(Rajaei, "/close RJ-1001 resolved");
        report = await ReportAsync();
        Assert.Equal(((DateTime?)null, (DateTime?)_chat.Now.AddDays(3)), (report.DueAt, report.CheckAt));

        await As(Rajaei, "/stage RJ-1001 identification"); // reopened by staff: no resolved-check left
        report = await ReportAsync();
        Assert.Equal(((DateTime?)null, (DateTime?)null), (report.DueAt, report.CheckAt));

        _chat.As = ("telegram", Rajaei, "کارشناس");
        await _chat.CloseConfirmedAsync("/close RJ-1001 unresolved اداره پاسخی نداد");
        Assert.Null((await ReportAsync()).CheckAt);

        await As(Rajaei, "/stage RJ-1001 solution");
        await As(Rajaei, "/close RJ-1001 resolved");
        await AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false)));
        report = await ReportAsync();
        Assert.Equal((ReportStage.FollowUp, DeadlineKind.FollowUp, (DateTime?)_chat.Now.AddDays(8)), (report.Stage, report.DueKind, report.DueAt));
    }
}
