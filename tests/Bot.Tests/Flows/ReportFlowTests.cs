using System.Text.RegularExpressions;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>The report conversation, every state and the bad answers at each, with no network.</summary>
public sealed class ReportFlowTests : IAsyncLifetime
{
    private const string Description = "آب آشامیدنی محله فین سه روز است قطع شده و کسی پاسخ نمی‌دهد";
    private readonly ChatHarness _chat = new();

    public async Task InitializeAsync() => await _chat.RegisterAsync(county: 0);

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private int TopicIndex(string topic) =>
        Conversations.Organisation.Routing.Topics(_chat.Context.Assembly).Select(t => t.Topic).ToList().IndexOf(topic);

    /// <summary>From the menu to the preview, choosing the topic «آب و برق و گاز».</summary>
    private async Task<Reply> ToPreviewAsync(string description = Description)
    {
        await _chat.Say(Texts.MenuReport);
        await _chat.Press(TopicIndex("آب و برق و گاز").ToString());
        await _chat.Say(description);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("خیابان امیرکبیر، کوچه ۱۲");
        await _chat.Say("لوله اصلی تعویض شود");
        return await _chat.Press("named");
    }

    [Fact]
    public async Task A_report_by_topic_goes_through_every_step_to_a_tracking_code()
    {
        var topic = await _chat.Say(Texts.MenuReport);
        Assert.Equal(Texts.AskTopic, topic.Last.Text);
        Assert.Contains("آب و برق و گاز", topic.ButtonLabels);
        Assert.Contains(Texts.DontKnow, topic.ButtonLabels);

        Assert.Equal(Texts.AskDescription(3), (await _chat.Press(TopicIndex("آب و برق و گاز").ToString())).Last.Text);
        Assert.Equal(Texts.AskAttachments(0, 10), (await _chat.Say(Description)).Last.Text);
        Assert.Equal(Texts.AskAttachments(1, 10), (await _chat.SendFile(AttachmentKind.Photo)).Last.Text);
        Assert.Equal(Texts.AskAttachments(2, 10), (await _chat.SendFile(AttachmentKind.Voice)).Last.Text);
        var county = await _chat.Press("done");
        Assert.Equal(Texts.AskReportCounty("کاشان"), county.Last.Text);
        Assert.Contains("کاشان " + Texts.SameCounty, county.ButtonLabels);
        Assert.Equal(Texts.AskPlace, (await _chat.Press("0")).Last.Text);
        Assert.Equal(Texts.AskSolution, (await _chat.ShareLocation()).Last.Text);
        Assert.Equal(Texts.AskAnonymity, (await _chat.Press("skip")).Last.Text);
        var preview = await _chat.Press("anonymous");
        Assert.StartsWith("پیش‌نمایش مسئله شما", preview.Last.Text);
        Assert.Contains(Texts.Submit, preview.ButtonLabels);

        var submitted = await _chat.Press("submit");
        var code = Regex.Match(submitted.Last.Text, "[A-Z]{2,3}-[0-9]{3,}").Value;
        Assert.Equal("RJ-1001", code);
        Assert.Equal(Texts.Submitted(code, "دبیرخانه شهید رجایی", 48), submitted.Last.Text);
        Assert.Equal([code], submitted.Last.Monospace);
        // The way to answer the secretariat later; the main menu stays where it was, under the phone's keyboard.
        Assert.Equal([ReporterThread.AnswerData(code)], Assert.IsType<InlineKeyboard>(submitted.Last.Keyboard).Rows.SelectMany(r => r).Select(b => b.Data));
        Assert.Equal(Texts.AnswerSecretariat, submitted.ButtonLabels.Single());

        await using var db = _chat.Db();
        var report = await db.Reports.Include(r => r.Attachments).Include(r => r.Events).SingleAsync();
        Assert.Equal(("rajaei", RoutingReason.TopicChosen, "آب و برق و گاز", Description), (report.Secretariat, report.RoutedBy, report.RoutedOn, report.Description));
        Assert.Equal(("کاشان", Texts.PlaceByLocation, 33.98, (string?)null, true), (report.County, report.Place, report.Latitude!.Value, report.ProposedSolution, report.Anonymous));
        Assert.Equal(["photo", "voice"], report.Attachments.Select(a => a.Kind));
        Assert.Equal(ReportEventKind.Created, report.Events.Single().Kind);
        Assert.Equal(ReportStage.Identification, report.Stage);
        Assert.False((await db.Conversations.SingleAsync()).Active);
    }

    [Fact]
    public async Task Dont_know_suggests_a_secretariat_from_a_keyword_and_keeps_why()
    {
        await _chat.Say("/report");
        Assert.Equal(Texts.AskDescription(3), (await _chat.Press("unknown")).Last.Text);
        var suggestion = await _chat.Say("شهرداری‌ها سه ماه است زباله‌های محله را جمع نکرده‌اند");
        Assert.Equal(Texts.SuggestSecretariat("دبیرخانه شهید رجایی", "هماهنگی با فرمانداران و دستگاه‌های اجرایی", "شهرداری"), suggestion.Last.Text);
        Assert.Equal(Texts.AskAttachments(0, 10), (await _chat.Press("ok")).Last.Text);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("میدان کمال‌الملک");
        await _chat.Press("skip");
        await _chat.Press("named");
        await _chat.Press("submit");

        await using var db = _chat.Db();
        var report = await db.Reports.SingleAsync();
        Assert.Equal(("rajaei", RoutingReason.KeywordMatched, "شهرداری", (string?)null), (report.Secretariat, report.RoutedBy, report.RoutedOn, report.Topic));
    }

    [Fact]
    public async Task Dont_know_with_the_member_choosing_another_secretariat_is_kept_as_their_choice()
    {
        await _chat.Say("/report");
        await _chat.Press("unknown");
        await _chat.Say("قاضی پرونده ما را دو سال است به جریان نینداخته و شهرداری هم کاری نمی‌کند");
        Assert.Equal(Texts.AskAttachments(0, 10), (await _chat.Press("2")).Last.Text); // «دبیرخانه شهید بهشتی»
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("دادگستری کاشان");
        await _chat.Press("skip");
        await _chat.Press("named");
        var submitted = await _chat.Press("submit");

        Assert.Contains("BH-1001", submitted.Last.Text);
        await using var db = _chat.Db();
        var report = await db.Reports.SingleAsync();
        Assert.Equal(("beheshti", RoutingReason.ChosenByMember), (report.Secretariat, report.RoutedBy));
    }

    [Fact]
    public async Task Text_where_a_button_is_expected_and_a_button_of_another_step_leave_the_step_as_it_was()
    {
        await _chat.Say(Texts.MenuReport);
        var step = await _chat.StepAsync();
        Assert.Equal([Texts.UseButtons, Texts.AskTopic], (await _chat.Say("یک موضوع دیگر")).Texts);
        await _chat.Press(TopicIndex("آموزش").ToString());
        var stale = await _chat.PressData(FlowButtons.Data(step, "0"));
        Assert.Equal(Texts.StaleButton, stale.Answer!.Notice);
        Assert.Empty(stale.Texts);
        // Typing the exact label of a topic works too.
        await _chat.Press(FlowButtons.BackValue);
        Assert.Equal(Texts.AskDescription(3), (await _chat.Say("حقوق عامه")).Last.Text);
    }

    [Fact]
    public async Task A_button_where_text_is_expected_asks_for_text()
    {
        await _chat.Say("/report");
        await _chat.Press("0");
        Assert.Equal([Texts.TextExpectedHere, Texts.AskDescription(3)], (await _chat.Press("0")).Texts);
    }

    [Theory]
    [InlineData("خراب")]
    [InlineData("😡😡😡😡")]
    [InlineData("\u200B\u202E")]
    public async Task A_description_of_one_word_or_emoji_only_is_refused(string description)
    {
        await _chat.Say("/report");
        await _chat.Press("0");
        var reply = await _chat.Say(description);
        Assert.Contains(reply.Texts, t => t == Texts.DescriptionTooShort(3) || t == Texts.EmptyText);
        await using var db = _chat.Db();
        Assert.Equal("Description", (await db.Conversations.SingleAsync()).State);
    }

    [Fact]
    public async Task A_description_over_the_limit_is_refused_with_its_length()
    {
        await _chat.Say("/report");
        await _chat.Press("0");
        var tooLong = string.Join(' ', Enumerable.Repeat("آب", 1400));
        Assert.Equal([Texts.TooLong(tooLong.Length, 4096)], (await _chat.Say(tooLong)).Texts);
        await using var db = _chat.Db();
        Assert.Equal("Description", (await db.Conversations.SingleAsync()).State);
    }

    [Fact]
    public async Task A_sticker_where_text_is_expected_and_a_sticker_as_attachment_are_refused()
    {
        await _chat.Say("/report");
        await _chat.Press("0");
        Assert.Equal([Texts.StickerWhereTextExpected, Texts.AskDescription(3)], (await _chat.SendFile(AttachmentKind.Sticker)).Texts);
        await _chat.Say(Description);
        Assert.Equal([Texts.AttachmentKindRefused, Texts.AskAttachments(0, 10)], (await _chat.SendFile(AttachmentKind.Sticker)).Texts);
    }

    [Fact]
    public async Task The_eleventh_attachment_and_a_file_over_the_size_limit_are_refused()
    {
        await _chat.Say("/report");
        await _chat.Press("0");
        await _chat.Say(Description);
        Assert.Equal([Texts.FileTooLarge(20)], (await _chat.SendFile(AttachmentKind.Document, size: 21L * 1024 * 1024)).Texts);
        for (var i = 0; i < 10; i++) await _chat.SendFile(AttachmentKind.Photo);
        Assert.Equal([Texts.TooManyAttachments(10)], (await _chat.SendFile(AttachmentKind.Photo)).Texts);

        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("بازار");
        await _chat.Press("skip");
        await _chat.Press("named");
        await _chat.Press("submit");
        await using var db = _chat.Db();
        Assert.Equal(10, await db.ReportAttachments.CountAsync());
    }

    [Fact]
    public async Task Html_and_Markdown_characters_are_kept_literally()
    {
        const string tricky = "<b>لوله</b> *شکسته* _است_ [link](http://x) & `code`";
        var preview = await ToPreviewAsync(tricky);
        Assert.Contains(tricky, preview.Last.Text);
        await _chat.Press("submit");
        await using var db = _chat.Db();
        Assert.Equal(tricky, (await db.Reports.SingleAsync()).Description);
    }

    [Fact]
    public async Task Editing_from_the_preview_returns_to_the_preview()
    {
        await ToPreviewAsync();
        Assert.Equal(Texts.AskDescription(3), (await _chat.Press("e:description")).Last.Text);
        var preview = await _chat.Say("فشار آب در تمام محله فین بسیار کم است");
        Assert.Contains("فشار آب در تمام محله فین", preview.Last.Text);
        Assert.Equal(Texts.AskAnonymity, (await _chat.Press("e:anonymity")).Last.Text);
        Assert.Contains("خیر (ناشناس)", (await _chat.Press("anonymous")).Last.Text);
        Assert.Equal(Texts.AskReportCounty("کاشان"), (await _chat.Press("e:place")).Last.Text);
        await _chat.Press("2");
        Assert.Contains("نطنز، بازار", (await _chat.Say("بازار")).Last.Text);
    }

    [Fact]
    public async Task Back_walks_the_steps_backwards()
    {
        await ToPreviewAsync();
        Assert.Equal(Texts.AskAnonymity, (await _chat.Press(FlowButtons.BackValue)).Last.Text);
        Assert.Equal(Texts.AskSolution, (await _chat.Press(FlowButtons.BackValue)).Last.Text);
        Assert.Equal(Texts.AskPlace, (await _chat.Press(FlowButtons.BackValue)).Last.Text);
    }

    [Fact]
    public async Task Cancel_keeps_nothing_half_made()
    {
        await _chat.Say("/report");
        await _chat.Press("0");
        await _chat.Say(Description);
        Assert.Equal([Texts.Cancelled], (await _chat.Say("/cancel")).Texts);
        await using var db = _chat.Db();
        Assert.Empty(await db.Reports.ToListAsync());
        Assert.Equal("{}", (await db.Conversations.SingleAsync()).Data);
    }

    [Fact]
    public async Task Tracking_codes_are_unique_and_read_back_in_any_digits_and_case()
    {
        await ToPreviewAsync();
        await _chat.Press("submit");
        await ToPreviewAsync();
        await _chat.Press("submit");
        await using (var db = _chat.Db())
            Assert.Equal(["RJ-1001", "RJ-1002"], await db.Reports.OrderBy(r => r.Id).Select(r => r.Code).ToListAsync());

        var shown = await _chat.Say("rj-۱۰۰۲");
        Assert.StartsWith("مسئله RJ-1002", shown.Last.Text);
    }

    [Fact]
    public async Task Somebody_not_registered_cannot_report()
    {
        _chat.As = ("telegram", 777, "ناشناس");
        Assert.Equal([Texts.RegisterFirst], (await _chat.Say("/report")).Texts);
        Assert.Equal([Texts.RegisterFirst], (await _chat.Say(Texts.MenuReport)).Texts);
    }
}

/// <summary>Before confirming, a member sees open reports of the same problem and may follow one instead.</summary>
public sealed class SimilarReportTests : IDisposable
{
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    private async Task<Reply> ReportAsync(string description, int county = 0)
    {
        await _chat.Say("/report");
        await _chat.Press("4"); // «آب و برق و گاز»
        await _chat.Say(description);
        await _chat.Press("done");
        await _chat.Press(county.ToString());
        await _chat.Say("محله فین");
        await _chat.Press("skip");
        return await _chat.Press("named");
    }

    [Fact]
    public async Task A_similar_open_report_is_offered_and_following_it_files_nothing_new()
    {
        await _chat.RegisterAsync(phone: "09121111111");
        await ReportAsync("آب آشامیدنی محله فین سه روز است قطع شده و کسی پاسخ نمی‌دهد");
        await _chat.Press("submit");

        _chat.As = ("bale", 600, "رضا");
        await _chat.RegisterAsync(phone: "09122222222");
        var preview = await ReportAsync("سه روز است آب محله فین قطع شده");
        Assert.Contains("• مسئله RJ-1001: آب و برق و گاز، کاشان، مرحله «مسئله‌یابی»", preview.Last.Text);
        Assert.DoesNotContain("کسی پاسخ نمی‌دهد", preview.Last.Text); // the other report's words are its reporter's
        Assert.Contains(Texts.FollowButton("RJ-1001"), preview.ButtonLabels);

        Assert.Equal([Texts.Following("RJ-1001")], (await _chat.Press("f:RJ-1001")).Texts);
        await using (var db = _chat.Db())
        {
            Assert.Equal(1, await db.Reports.CountAsync());
            Assert.Equal(1, await db.ReportFollowers.CountAsync());
        }

        var mine = await _chat.Say("/myreports");
        Assert.Contains("RJ-1001", mine.Last.Text);
        var details = await _chat.Say("RJ-1001");
        Assert.Null(details.Last.Keyboard); // a follower reads, only the reporter adds
    }

    [Fact]
    public async Task A_report_keeps_its_words_and_one_filed_before_they_were_kept_is_offered_too()
    {
        // Written with Arabic yeh and teh marbuta: it matches the Persian spelling below only once folded.
        const string description = "قطعي آب آشاميدني محلة فين";
        await _chat.RegisterAsync(phone: "09121111111");
        await ReportAsync(description);
        await _chat.Press("submit");
        await using (var db = _chat.Db())
        {
            Assert.Equal(PersianMatch.StoredWords(description), (await db.Reports.SingleAsync()).MatchWords);
            // As a report filed before the column existed.
            await db.Reports.ExecuteUpdateAsync(s => s.SetProperty(r => r.MatchWords, (string?)null));
        }

        _chat.As = ("bale", 602, "رضا");
        await _chat.RegisterAsync(phone: "09122222222");
        Assert.Contains(Texts.FollowButton("RJ-1001"), (await ReportAsync("قطعی آب آشامیدنی محله فین")).ButtonLabels);
    }

    [Fact]
    public async Task A_different_problem_or_another_county_is_not_offered()
    {
        await _chat.RegisterAsync(phone: "09121111111");
        await ReportAsync("آب آشامیدنی محله فین سه روز است قطع شده و کسی پاسخ نمی‌دهد");
        await _chat.Press("submit");

        _chat.As = ("telegram", 601, "رضا");
        await _chat.RegisterAsync(phone: "09122222222");
        Assert.DoesNotContain("RJ-1001", (await ReportAsync("برق خیابان بابا افضل هر شب ساعت نه می‌رود")).Last.Text);
        await _chat.Say("/cancel");
        Assert.DoesNotContain("RJ-1001", (await ReportAsync("سه روز است آب محله فین قطع شده", county: 2)).Last.Text);
    }
}
