using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// A text sent outside any conversation is never dropped: it is kept until the member says whether it is a new
/// report or belongs to one of their open reports.
/// </summary>
public sealed class FreeTextTests : IAsyncLifetime
{
    private const string Loose = "چراغ‌های خیابان امیرکبیر یک هفته است خاموش مانده و شب‌ها تاریک است";

    private readonly ChatHarness _chat = new(("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public Task InitializeAsync() => _chat.RegisterAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> KeptTextAsync()
    {
        await using var db = _chat.Db();
        var row = await db.Conversations.SingleAsync();
        Assert.Equal(FreeTextFlow.Name, row.Flow);
        return System.Text.Json.JsonSerializer.Deserialize<FreeTextFlow.Answers>(row.Data)!.Text;
    }

    [Fact]
    public async Task With_no_open_report_the_text_becomes_a_new_reports_description_past_that_step()
    {
        var offer = await _chat.Say(Loose);
        Assert.Equal(Texts.OfferNewReport, offer.Last.Text);
        Assert.Equal([Texts.NewReportFromText, Texts.Cancel], offer.ButtonLabels);
        Assert.Equal(Loose, await KeptTextAsync());

        var topic = await _chat.Press("new");
        Assert.Equal(Texts.DescribedAskTopic, topic.Last.Text);
        // The description step is passed over: its answer is the text already sent.
        Assert.Equal(Texts.AskAttachments(0, 10), (await _chat.Press("4")).Last.Text);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("خیابان امیرکبیر");
        await _chat.Press("skip");
        await _chat.Press("named");
        await _chat.Press("submit");

        await using var db = _chat.Db();
        Assert.Equal(Loose, (await db.Reports.SingleAsync()).Description);
    }

    [Fact]
    public async Task Not_knowing_the_topic_goes_straight_to_the_secretariat_the_text_suggests()
    {
        await _chat.Say("شهرداری کوچه ما را آسفالت نکرده و چاله‌ها پر از آب است");
        await _chat.Press("new");

        var suggested = await _chat.Press("unknown");
        Assert.StartsWith("از کلمه «", suggested.Last.Text);
        Assert.Contains("«دبیرخانه شهید رجایی»", suggested.Last.Text);
        // Back from there asks for the description as usual.
        Assert.Equal(Texts.AskDescription(3), (await _chat.Press(FlowButtons.BackValue)).Last.Text);
    }

    [Fact]
    public async Task A_text_too_short_to_be_a_description_is_asked_for_as_usual()
    {
        await _chat.Say("سلام");
        Assert.Equal(Texts.AskTopic, (await _chat.Press("new")).Last.Text);
        Assert.Equal(Texts.AskDescription(3), (await _chat.Press("4")).Last.Text);
    }

    [Fact]
    public async Task With_one_open_report_it_asks_whether_to_add_it_there_and_adds_it()
    {
        await _chat.FileReportAsync();

        var offer = await _chat.Say("امروز هم آب نیامد و مخزن خالی است");
        Assert.Equal(Texts.OfferOneReport("RJ-1001"), offer.Last.Text);
        Assert.Equal([Texts.AddTextTo("RJ-1001"), Texts.NewReportFromText, Texts.Cancel], offer.ButtonLabels);

        var added = await _chat.Press("a:RJ-1001");
        Assert.Equal([Texts.Added("RJ-1001")], added.Texts);
        Assert.Equal(NoticeTexts.Added("RJ-1001", "آب و برق و گاز", "کاشان", "امروز هم آب نیامد و مخزن خالی است", file: false),
            added.To(201).Single().Text);
        await using var db = _chat.Db();
        Assert.Equal("امروز هم آب نیامد و مخزن خالی است", (await db.ReportEvents.SingleAsync(e => e.Kind == ReportEventKind.MemberMessage)).Text);
        Assert.False((await db.Conversations.SingleAsync()).Active);
    }

    [Fact]
    public async Task With_several_open_reports_it_offers_each_and_a_closed_one_is_not_offered()
    {
        await _chat.FileReportAsync();
        await _chat.FileReportAsync(topic: 0, description: "قانون جدید مالیات کسب‌وکارهای کوچک را تعطیل می‌کند");
        await _chat.FileReportAsync(topic: 3, description: "جاده روستای نشلج پر از چاله است و تصادف می‌شود");
        await using (var db = _chat.Db())
        {
            var closed = await db.Reports.SingleAsync(r => r.Code == "RJ-1002");
            (closed.Stage, closed.Outcome) = (ReportStage.Closed, ReportOutcome.Resolved);
            await db.SaveChangesAsync();
        }

        var offer = await _chat.Say("یک نکته دیگر هم هست");
        Assert.Equal(Texts.OfferSeveralReports, offer.Last.Text);
        Assert.Equal([Texts.AddTextTo("MD-1001"), Texts.AddTextTo("RJ-1001"), Texts.NewReportFromText, Texts.Cancel], offer.ButtonLabels);

        // More lines before choosing are kept with the first.
        var more = await _chat.Say("کارخانه هم آب ندارد");
        Assert.Equal([Texts.OfferTextKept, Texts.OfferSeveralReports], more.Texts);
        Assert.Equal("یک نکته دیگر هم هست\nکارخانه هم آب ندارد", await KeptTextAsync());

        // A button for a report it did not offer adds nothing.
        Assert.Equal(Texts.UseButtons, (await _chat.Press("a:RJ-1002")).Texts[0]);
        Assert.Equal([Texts.Added("RJ-1001")], (await _chat.Press("a:RJ-1001")).Texts);
        await using var check = _chat.Db();
        var report = await check.Reports.Include(r => r.Events).SingleAsync(r => r.Code == "RJ-1001");
        Assert.Equal("یک نکته دیگر هم هست\nکارخانه هم آب ندارد", report.Events.Single(e => e.Kind == ReportEventKind.MemberMessage).Text);
    }

    [Fact]
    public async Task A_stranger_is_still_told_to_register_and_a_cancel_keeps_nothing()
    {
        _chat.As = ("telegram", 9_999, "غریبه");
        Assert.Equal([Texts.RegisterFirst], (await _chat.Say(Loose)).Texts);

        _chat.As = ("telegram", 501, "زهرا");
        await _chat.Say(Loose);
        Assert.Equal(Texts.Cancelled, (await _chat.Press(FlowButtons.CancelValue)).Last.Text);
        await using var db = _chat.Db();
        Assert.Empty(await db.Reports.ToListAsync());
        Assert.False((await db.Conversations.SingleAsync(c => c.ChatId == 501)).Active);
    }
}
