using System.Text.RegularExpressions;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Persian words wherever staff and admins type a stage, an outcome, a secretariat or a role: with or without the
/// half-space, in any digits and case, several words as typed; the English keys still work; what is not understood is
/// answered with the Persian words that are.
/// </summary>
public sealed partial class DeskWordsTests : IAsyncLifetime
{
    private const long Admin = 1, Rajaei = 201, Reporter = 501;

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(); // RJ-1001, of the Rajaei secretariat
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

    private async Task<Report> ReportAsync(string code = "RJ-1001")
    {
        await using var db = _chat.Db();
        return await db.Reports.AsNoTracking().SingleAsync(r => r.Code == code);
    }

    private const string Rajaei_ = "دبیرخانه شهید رجایی";

    [Theory]
    [InlineData("ارائه راهکار", ReportStage.Solution)]
    [InlineData("ارائه‌راهکار", ReportStage.Solution)]
    [InlineData("ارايه راه کار", ReportStage.Solution)]
    [InlineData("مطالبه‌گری", ReportStage.FollowUp)]
    [InlineData("مطالبه گری", ReportStage.FollowUp)]
    [InlineData("مطالبهگری", ReportStage.FollowUp)]
    [InlineData("SOLUTION", ReportStage.Solution)]
    [InlineData("followup", ReportStage.FollowUp)]
    public async Task Stage_takes_the_persian_stage_however_it_is_spaced_and_the_english_key(string typed, ReportStage stage)
    {
        var reply = await As(Rajaei, $"/stage RJ-1001 {typed}");

        Assert.Equal(Texts.ToReporterStage("RJ-1001", Rajaei_, stage), reply.To(Reporter).Single().Text);
        Assert.Equal(stage, (await ReportAsync()).Stage);
    }

    [Fact]
    public async Task Stage_back_to_the_first_takes_its_spellings_with_the_arabic_yeh()
    {
        await As(Rajaei, "/stage RJ-1001 ارائه راهکار");

        await As(Rajaei, "/stage RJ-1001 مسئله يابي");

        Assert.Equal(ReportStage.Identification, (await ReportAsync()).Stage);
    }

    [Fact]
    public async Task Close_reads_an_outcome_of_two_words_and_keeps_what_follows_as_the_message()
    {
        var reply = await As(Rajaei, "/close RJ-1001 حل شد آب محله فین وصل شد");

        Assert.Equal(Texts.ToReporterClosed("RJ-1001", Rajaei_, ReportOutcome.Resolved, "آب محله فین وصل شد", null), reply.To(Reporter).Single().Text);
        Assert.Equal((ReportStage.Closed, ReportOutcome.Resolved), ((await ReportAsync()).Stage, (await ReportAsync()).Outcome));
    }

    [Fact]
    public async Task Close_as_not_resolved_with_a_reason_is_held_for_confirmation_as_with_the_english_key()
    {
        var reply = await As(Rajaei, "/close RJ-1001 حل‌نشد اداره آب پاسخی نداد");

        Assert.Empty(reply.To(Reporter));
        Assert.Contains("اداره آب پاسخی نداد", reply.Last.Text);
        Assert.Equal(ReportStage.Identification, (await ReportAsync()).Stage);
    }

    [Fact]
    public async Task Close_as_a_duplicate_in_persian_takes_the_original_code()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.FileReportAsync(description: "آب محله فین قطع است و کسی پاسخ نمی‌دهد"); // RJ-1002

        var reply = await As(Rajaei, "/close RJ-1002 تکراری RJ-1001");

        Assert.Equal(Texts.ToReporterClosed("RJ-1002", Rajaei_, ReportOutcome.Duplicate, null, "RJ-1001"), reply.To(Reporter).Single().Text);
        Assert.Equal(ReportOutcome.Duplicate, (await ReportAsync("RJ-1002")).Outcome);
    }

    [Theory]
    [InlineData("مدرس", "modarres")]
    [InlineData("شهید بهشتی", "beheshti")]
    [InlineData("دبیرخانه شهید مدرس", "modarres")]
    [InlineData("دبيرخانه  شهيد   بهشتي", "beheshti")]
    [InlineData("Modarres", "modarres")]
    public async Task Route_takes_a_secretariats_name_its_end_or_its_key(string typed, string key)
    {
        await As(Rajaei, $"/route RJ-1001 {typed}");

        Assert.Equal(key, (await ReportAsync()).Secretariat);
    }

    [Fact]
    public async Task Inbox_filters_by_a_stage_of_two_words()
    {
        await As(Rajaei, "/stage RJ-1001 ارائه راهکار");

        var empty = Assert.Single((await As(Rajaei, "/inbox مطالبه‌گری")).Texts);
        Assert.Contains(Texts.InboxNothingHere, empty);
        Assert.DoesNotContain("RJ-1001", empty);
        Assert.Contains("RJ-1001", (await As(Rajaei, "/inbox ارائه راهکار")).Last.Text);
        Assert.Contains("RJ-1001", (await As(Rajaei, "/inbox ارائه‌راهکار")).Last.Text);
    }

    [Fact]
    public async Task Grant_and_revoke_take_the_persian_roles_and_secretariat_names()
    {
        var staff = Texts.RoleStaffOf(Rajaei_);
        Assert.Equal([Texts.Granted("telegram:301", staff)], (await As(Admin, "/grant telegram:301 کارشناس رجایی")).Texts);
        Assert.Equal([Texts.Granted("telegram:302", Texts.RoleOrganizer)], (await As(Admin, "/grant telegram:302 برگزار کننده")).Texts);
        Assert.Equal([Texts.Granted("telegram:303", Texts.RoleStaffOf("دبیرخانه شهید مدرس"))],
            (await As(Admin, "/grant telegram:303 کارشناس دبیرخانه شهید مدرس")).Texts);

        Assert.Contains("RJ-1001", (await As(301, "/inbox")).Last.Text);

        Assert.Equal([Texts.Revoked("telegram:301", staff)], (await As(Admin, "/revoke telegram:301 کارشناس شهید رجایی")).Texts);
        Assert.Equal([Texts.Revoked("telegram:302", Texts.RoleOrganizer)], (await As(Admin, "/revoke telegram:302 برگزارکننده")).Texts);
        await using var db = _chat.Db();
        Assert.Equal(["telegram:303"], await db.RoleGrants.Where(g => g.RevokedAt == null).Select(g => g.Who).ToListAsync());
    }

    [Fact]
    public async Task Statistics_narrow_to_a_secretariat_named_first_and_refuse_one_the_asker_does_not_work_for()
    {
        var rajaei = await As(Rajaei, "/stats رجایی");
        Assert.Contains($"({Rajaei_})", rajaei.Last.Text);

        var narrowed = await As(Admin, "/stats رجایی");
        Assert.Contains($"({Rajaei_})", narrowed.Last.Text);
        Assert.DoesNotContain($"({Rajaei_})", (await As(Admin, "/stats")).Last.Text);

        Assert.Equal([Texts.StatsNotYourSecretariat("دبیرخانه شهید مدرس")], (await As(Rajaei, "/export مدرس")).Texts);
    }

    public static TheoryData<long, string, string> BadWords => new()
    {
        { Rajaei, "/stage RJ-1001 تمام", Texts.UnknownStage("تمام") },
        { Rajaei, "/stage RJ-1001", Texts.UnknownStage("") },
        { Rajaei, "/inbox بسته", Texts.UnknownStage("بسته") },
        { Rajaei, "/close RJ-1001 حل", Texts.UnknownOutcome("حل") },
        { Rajaei, "/close RJ-1001 finished today", Texts.UnknownOutcome("finished") },
        { Rajaei, "/close RJ-1001", Texts.UnknownOutcome("") },
        { Rajaei, "/route RJ-1001 مطهری", Texts.UnknownSecretariat("مطهری", ["مدرس", "رجایی", "بهشتی"]) },
        { Rajaei, "/route RJ-1001", Texts.UnknownSecretariat("", ["مدرس", "رجایی", "بهشتی"]) },
        { Admin, "/grant telegram:301 همکار رجایی", Texts.UnknownRole("همکار", granting: true) },
        { Admin, "/revoke telegram:301 همکار", Texts.UnknownRole("همکار", granting: false) },
        { Admin, "/grant telegram:301 کارشناس", Texts.UnknownSecretariat("", ["مدرس", "رجایی", "بهشتی"]) },
        { Admin, "/grant telegram:301 کارشناس شهید", Texts.UnknownSecretariat("شهید", ["مدرس", "رجایی", "بهشتی"]) },
        { Admin, "/grant telegram:301 مدیر", Texts.NoAdminGrant },
    };

    [Theory]
    [MemberData(nameof(BadWords))]
    public async Task A_word_that_is_none_is_answered_with_the_persian_words_accepted_and_changes_nothing(long who, string typed, string expected)
    {
        var before = await ReportAsync();

        Assert.Equal([expected], (await As(who, typed)).Texts);

        var report = await ReportAsync();
        Assert.Equal((ReportStage.Identification, "rajaei", before.Version), (report.Stage, report.Secretariat, report.Version));
        await using var db = _chat.Db();
        Assert.Empty(await db.RoleGrants.ToListAsync());
    }

    [Fact]
    public void The_answers_to_words_not_understood_name_only_persian_words()
    {
        var names = new DeskWords(_chat.Context.Assembly).SecretariatNames;
        Assert.Equal(["مدرس", "رجایی", "بهشتی"], names);
        foreach (var text in new[]
                 {
                     Texts.UnknownStage("تمام"), Texts.UnknownStage(""), Texts.UnknownOutcome("حل"), Texts.UnknownOutcome(""),
                     Texts.UnknownSecretariat("مطهری", names), Texts.UnknownSecretariat("", names),
                     Texts.UnknownRole("همکار", granting: true), Texts.UnknownRole("همکار", granting: false),
                     Texts.DuplicateNeedsOriginal, Texts.ChooseOutcome("RJ-1001"), Texts.Usage(Texts.GrantUsage),
                 })
            Assert.DoesNotMatch(LatinWord(), text.Replace("RJ-1001", "").Replace("/close", "").Replace("/grant", "").Replace("/revoke", "").Replace("/whoami", ""));
    }

    [Fact]
    public async Task The_help_names_the_persian_words_never_the_keys()
    {
        var help = (await As(Admin, "/help")).Last.Text;
        var words = CommandName().Replace(help, ""); // a command's own name is Latin

        foreach (var key in new[] { "identification", "solution", "followup", "resolved", "rejected", "duplicate", "modarres", "rajaei", "beheshti", "staff", "organizer", "کلید" })
            Assert.DoesNotContain(key, words);
        Assert.Contains("مسئله‌یابی، ارائه راهکار یا مطالبه‌گری", help);
        Assert.Contains("حل شد، حل نشد، رد شد", help);
        Assert.Contains("/grant شخص کارشناس دبیرخانه", help);
    }

    [GeneratedRegex("/[a-z_]+")]
    private static partial Regex CommandName();

    // A Latin word other than the commands and codes these answers may name.
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
