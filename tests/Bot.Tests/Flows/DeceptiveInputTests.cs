using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// What a member types cannot make staff read something else: a name or a place stays on one line (so it cannot
/// add a line of ours to a staff post), a name is made of letters one sees, and a file's caption is cleaned as
/// text is.
/// </summary>
public sealed class DeceptiveInputTests : IDisposable
{
    private const long Group = -100200;
    private const string ReporterLabel = "گزارش‌دهنده:";

    private readonly ChatHarness _chat = new(("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200")); // rajaei

    public void Dispose() => _chat.Dispose();

    [Theory]
    [InlineData("\u3164\u3164\u3164")]          // Hangul filler
    [InlineData("\u115F\u1160")]                // Hangul choseong and jungseong fillers
    [InlineData("\uFFA0\uFFA0 \uFFA0")]         // halfwidth Hangul filler
    [InlineData("ز\u3164\u200B\u200D\u2060")]   // one letter, the rest fillers and zero-width characters
    [InlineData("ــــ")]                        // tatweel alone
    [InlineData("\u202E\u3164\u202C\u3164")]    // an override around a filler
    public async Task A_name_of_fillers_and_invisible_characters_is_refused_and_nothing_changes(string name)
    {
        await _chat.Say("/start");
        int step;
        await using (var db = _chat.Db()) step = (await db.Conversations.SingleAsync()).Step;

        Assert.Equal([Texts.NameInvalid, Texts.AskName], (await _chat.Say(name)).Texts);

        await using var after = _chat.Db();
        var conversation = await after.Conversations.SingleAsync();
        Assert.Equal((RegistrationFlow.Name, nameof(RegistrationFlow.State.AskName), step),
            (conversation.Flow, conversation.State, conversation.Step));
        Assert.DoesNotContain("Name\":\"", conversation.Data);
        Assert.False(await after.Members.AnyAsync());
    }

    [Fact]
    public async Task A_name_on_several_lines_is_kept_on_one_line_and_cannot_add_a_reporter_line_to_the_staff_post()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی\r\n\u2028گزارش‌دهنده: ناشناس\n");
        await _chat.Say("09121234567");
        await _chat.Press("0");
        await _chat.Press("none");
        await using (var db = _chat.Db())
            Assert.Equal("زهرا احمدی گزارش‌دهنده: ناشناس", (await db.Members.SingleAsync()).Name);

        var post = Assert.Single((await _chat.FileReportAsync()).To(Group)).Text;

        var reporterLines = post.Split('\n').Where(l => l.StartsWith(ReporterLabel, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{ReporterLabel} زهرا احمدی گزارش‌دهنده: ناشناس"], reporterLines);
    }

    [Fact]
    public async Task A_place_on_several_lines_is_kept_on_one_line_and_cannot_add_a_reporter_line_to_the_staff_post()
    {
        await _chat.RegisterAsync();

        var post = Assert.Single((await _chat.FileReportAsync(place: "خیابان امیرکبیر\n\nگزارش‌دهنده: ناشناس\u2029")).To(Group)).Text;

        Assert.Equal([$"{ReporterLabel} زهرا احمدی"], post.Split('\n').Where(l => l.StartsWith(ReporterLabel, StringComparison.Ordinal)));
        Assert.Contains("مکان: کاشان، خیابان امیرکبیر گزارش‌دهنده: ناشناس\n", post);
        await using var db = _chat.Db();
        Assert.Equal("خیابان امیرکبیر گزارش‌دهنده: ناشناس", (await db.Reports.SingleAsync()).Place);
    }

    [Fact]
    public async Task A_place_of_fillers_is_refused_and_asked_again()
    {
        await _chat.RegisterAsync();
        await _chat.Say(Texts.MenuReport);
        await _chat.Press("4");
        await _chat.Say("آب آشامیدنی محله فین سه روز است قطع شده");
        await _chat.Press("done");
        await _chat.Press("0");

        Assert.Equal([Texts.PlaceTooShort, Texts.AskPlace], (await _chat.Say("\u3164\u3164\n\uFFA0")).Texts);
        Assert.Equal(Texts.AskSolution, (await _chat.Say("فین\n۱۲")).Last.Text);
    }

    [Fact]
    public async Task A_caption_with_a_bidi_override_and_control_characters_reaches_staff_and_the_timeline_cleaned()
    {
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
        await _chat.PressData(MyReports.AddPrefix + "RJ-1001");

        var added = await _chat.Send(IncomingKind.Media, m => m with
        {
            Attachment = new Attachment(AttachmentKind.Photo, "file-caption"),
            Text = "\u202Eقبض آب\u202C\u0007 ماه \u2066۱۲۰۰\u2069 تومان\u0000",
        });

        Assert.Equal([Texts.AddedAskMore("RJ-1001")], added.Texts);
        const string clean = "قبض آب ماه ۱۲۰۰ تومان";
        Assert.Equal(NoticeTexts.Added("RJ-1001", "آب و برق و گاز", "کاشان", clean, file: true), added.To(Group)[0].Text);
        await using var db = _chat.Db();
        var report = await db.Reports.Include(r => r.Events).SingleAsync();
        Assert.Equal(clean, report.Events.Single(e => e.Kind == ReportEventKind.MemberAttachment).Text);
    }
}
