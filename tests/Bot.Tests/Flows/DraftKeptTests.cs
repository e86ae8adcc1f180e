using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// A kept draft outlives whatever the member does next: another conversation carries it and gives it back when it
/// ends (finished, cancelled, or idle), and leaving the question whether to continue it keeps it as it was.
/// </summary>
public sealed class DraftKeptTests : IAsyncLifetime
{
    private const string Description = "آب آشامیدنی محله فین سه روز است قطع شده و کسی پاسخ نمی‌دهد";

    private readonly ChatHarness _chat = new(("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync() => await _chat.RegisterAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A report half-written (topic, description, one photo) and left idle: a draft.</summary>
    private async Task DraftAsync()
    {
        await _chat.Say("/report");
        await _chat.Press("4");
        await _chat.Say(Description);
        await _chat.SendFile(AttachmentKind.Photo);
        Assert.Equal([Texts.DraftKept(30, 7)], await IdleAsync());
    }

    private async Task<IReadOnlyList<string>> IdleAsync()
    {
        _chat.Now = _chat.Now.AddMinutes(31);
        await using var db = _chat.Db();
        var notices = await IdleConversations.ExpireDueAsync(db, _chat.Context.Conversations, _chat.Now, CancellationToken.None);
        await db.SaveChangesAsync();
        return notices.OfType<TextMessage>().Select(n => n.Text).ToList();
    }

    private async Task ResumedAsync()
    {
        Assert.Equal(Texts.AskResumeDraft, (await _chat.Say(Texts.MenuReport)).Last.Text);
        Assert.Equal(Texts.AskAttachments(1, 10), (await _chat.Press("continue")).Last.Text);
    }

    [Fact]
    public async Task A_text_kept_and_filed_as_a_new_report_gives_the_draft_back_afterwards()
    {
        await DraftAsync();
        // A text outside any conversation, filed as a report of its own: the draft waits meanwhile.
        await _chat.Say("چراغ‌های خیابان امیرکبیر هر شب ساعت نه خاموش می‌شوند");
        Assert.Equal(Texts.DescribedAskTopic, (await _chat.Press("new")).Last.Text);
        await _chat.Press("4");
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("خیابان امیرکبیر");
        await _chat.Press("skip");
        await _chat.Press("named");
        Assert.StartsWith("مسئله شما ثبت شد", (await _chat.Press("submit")).Last.Text);

        await ResumedAsync();
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("محله فین");
        await _chat.Press("skip");
        Assert.Contains(Description, (await _chat.Press("named")).Last.Text);
        await _chat.Press("submit");
        await using var db = _chat.Db();
        Assert.Equal(2, await db.Reports.CountAsync());
        Assert.Single(await db.Reports.Where(r => r.Description == Description).SelectMany(r => r.Attachments).ToListAsync());
    }

    [Fact]
    public async Task Adding_to_a_report_cancelled_or_left_idle_gives_the_draft_back_and_says_so()
    {
        await _chat.FileReportAsync(); // RJ-1001
        await DraftAsync();

        var add = await _chat.PressData(MyReports.AddPrefix + "RJ-1001");
        Assert.Equal(Texts.AskAddition("RJ-1001"), add.Last.Text);
        Assert.Equal(Texts.Cancelled + "\n" + Texts.DraftStillKept, (await _chat.Say(Texts.Cancel)).Last.Text);
        await ResumedAsync();
        Assert.Equal([Texts.DraftKept(30, 7)], await IdleAsync());

        await _chat.PressData(MyReports.AddPrefix + "RJ-1001");
        Assert.Equal([Texts.Expired(30) + "\n" + Texts.DraftStillKept], await IdleAsync());
        await ResumedAsync();
    }

    [Fact]
    public async Task Leaving_the_question_whether_to_continue_keeps_the_draft()
    {
        await DraftAsync();
        await _chat.Say(Texts.MenuReport);
        Assert.Equal(Texts.Cancelled + "\n" + Texts.DraftStillKept, (await _chat.Say("/cancel")).Last.Text);

        await _chat.Say(Texts.MenuReport);
        // Another menu button goes where it leads, with no question about dropping anything.
        Assert.DoesNotContain(Texts.AskDropReport, (await _chat.Say(Texts.MenuMyReports)).Texts);

        await _chat.Say(Texts.MenuReport);
        Assert.Equal([Texts.DraftStillKept], await IdleAsync());
        await ResumedAsync();
    }

    [Fact]
    public async Task Forgetting_the_member_drops_a_carried_draft_too()
    {
        await DraftAsync();
        await _chat.Say("/forget");
        await using (var db = _chat.Db())
            Assert.Contains(Drafts.CarriedKey, (await db.Conversations.SingleAsync()).Data);
        await _chat.Press(ForgetValue); // the forget flow's confirmation

        await using var after = _chat.Db();
        var forgotten = await after.Conversations.SingleAsync();
        Assert.Equal(("", "", "{}"), (forgotten.Flow, forgotten.State, forgotten.Data));
    }

    private const string ForgetValue = "forget";

    [Fact]
    public async Task A_tracking_code_typed_while_a_text_waits_shows_the_report_and_keeps_the_offer()
    {
        await _chat.FileReportAsync(); // RJ-1001
        var offer = await _chat.Say("یک نکته دیگر هم درباره همین مسئله هست");
        Assert.Equal(Texts.OfferOneReport("RJ-1001"), offer.Last.Text);
        var shown = await _chat.Say("rj-1001");
        Assert.StartsWith("مسئله RJ-1001\n", shown.Last.Text);
        Assert.DoesNotContain(Texts.OfferTextKept, shown.Texts);
        var added = await _chat.Press("a:RJ-1001");
        Assert.Equal(Texts.Added("RJ-1001"), added.Last.Text);
        await using var db = _chat.Db();
        Assert.Equal("یک نکته دیگر هم درباره همین مسئله هست", await db.ReportEvents.OrderBy(e => e.Id).Select(e => e.Text).LastAsync());
    }
}
