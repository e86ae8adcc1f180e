using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// «ثبت پیگیری» and «تکراری» by buttons and replies, no command typed: each question is answered in reply to it.
/// The clock stands at 1405/09/07 15:30 in Tehran.
/// </summary>
public sealed class DeskStepsTests : IAsyncLifetime
{
    private const long Rajaei = 201, Other = 202, Reporter = 501, Group = -100200;

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:Staff:1", "telegram:202"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(); // RJ-1001
        await _chat.FileReportAsync(description: "چراغ‌های خیابان امیرکبیر شب‌ها خاموش است و خطرناک شده"); // RJ-1002
        await _chat.FileReportAsync(description: "آب محله فین قطع شده و هنوز وصل نشده است"); // RJ-1003
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

    private Task<Reply> ReplyTo(long messageId, string text) =>
        _chat.Send(IncomingKind.Text, m => m with { Text = text, ReplyToMessageId = messageId });

    private async Task<Report> ReportAsync(string code)
    {
        await using var db = _chat.Db();
        return await db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Code == code);
    }

    [Fact]
    public async Task The_card_offers_a_follow_up_only_in_follow_up_and_asks_what_was_done_then_when()
    {
        var card = await As(Rajaei, "/show RJ-1001");
        Assert.DoesNotContain(Texts.StaffFollowUpButton, card.ButtonLabels);
        Assert.Equal([Texts.FollowUpOnlyInFollowUp("RJ-1001", ReportStage.Identification)], (await _chat.PressData("fu:RJ-1001")).Texts);

        await As(Rajaei, "/stage RJ-1001 مطالبه‌گری");
        card = await As(Rajaei, "/show RJ-1001");
        Assert.Contains(Texts.StaffFollowUpButton, card.ButtonLabels);

        var what = await _chat.PressData("fu:RJ-1001");
        Assert.Equal(Texts.AskFollowUpWhat("RJ-1001"), what.Last.Text);
        Assert.IsType<ForceReply>(what.Last.Keyboard);
        var when = await ReplyTo(what.IdOfLastTo(Rajaei), "نامه به فرمانداری فرستاده شد");
        Assert.Equal(Texts.AskFollowUpWhen("RJ-1001"), when.Last.Text);
        Assert.Equal([Texts.FollowUpInOneWeek, Texts.FollowUpInTwoWeeks], when.ButtonLabels);

        // A past day, today, and a day not understood change nothing.
        Assert.Equal([Texts.FollowUpDatePast("پنجشنبه ۵ آذر ۱۴۰۵")], (await ReplyTo(when.IdOfLastTo(Rajaei), "۱۴۰۵/۰۹/۰۵")).Texts);
        Assert.Equal([Texts.FollowUpDatePast("شنبه ۷ آذر ۱۴۰۵")], (await ReplyTo(when.IdOfLastTo(Rajaei), "1405/9/7")).Texts);
        Assert.Equal([Texts.FollowUpDateUnknown], (await ReplyTo(when.IdOfLastTo(Rajaei), "هفته بعد")).Texts);
        Assert.DoesNotContain((await ReportAsync("RJ-1001")).Events, e => e.Kind == ReportEventKind.FollowUp);

        var done = await ReplyTo(when.IdOfLastTo(Rajaei), "۱۰ روز دیگر");
        Assert.Equal([Texts.StaffDone("RJ-1001", Texts.DoneFollowUp("۱۴۰۵/۰۹/۱۷"))], done.Texts);
        Assert.Equal(Texts.ToReporterFollowUp("RJ-1001", "دبیرخانه شهید رجایی", "نامه به فرمانداری فرستاده شد", "۱۴۰۵/۰۹/۱۷"), done.To(Reporter).Single().Text);
        var report = await ReportAsync("RJ-1001");
        Assert.Equal(new DateTime(2026, 12, 7, 20, 30, 0, DateTimeKind.Utc), report.DueAt); // 1405/09/17 00:00 in Tehran

        // Answered once: the week button under the same question is stale now.
        Assert.Equal(Texts.StaleButton, (await _chat.PressUnder(when.IdOfLastTo(Rajaei), "fu:RJ-1001:7")).Answer!.Notice);
        Assert.Single((await ReportAsync("RJ-1001")).Events, e => e.Kind == ReportEventKind.FollowUp);
    }

    [Fact]
    public async Task In_the_staff_chat_the_week_button_is_its_writers_and_records_a_week_from_today()
    {
        await As(Rajaei, "/stage RJ-1001 followup");
        var what = await _chat.PressUnder(1, "fu:RJ-1001", Group);
        var when = await _chat.Send(IncomingKind.Text, m => m with
        {
            Text = "جلسه با مدیر آبفا", ReplyToMessageId = what.IdOfLastTo(Group), Chat = new ChatAddress("telegram", Group), ChatKind = ChatKind.Group,
        });
        Assert.Equal(Texts.AskFollowUpWhen("RJ-1001"), when.To(Group).Single().Text);
        _chat.As = ("telegram", Other, "همکار");
        Assert.Equal(Texts.HeldNotYours, (await _chat.PressUnder(when.IdOfLastTo(Group), "fu:RJ-1001:7", Group)).Answer!.Notice);
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var done = await _chat.PressUnder(when.IdOfLastTo(Group), "fu:RJ-1001:7", Group);
        Assert.Equal(Texts.StaffDone("RJ-1001", Texts.DoneFollowUp("۱۴۰۵/۰۹/۱۴")), done.To(Group).Single().Text);
        Assert.Equal("جلسه با مدیر آبفا", (await ReportAsync("RJ-1001")).Events.Single(e => e.Kind == ReportEventKind.FollowUp).Text);
    }

    [Theory]
    [InlineData("یک هفته دیگر", 7)]
    [InlineData("دو هفته دیگر", 14)]
    [InlineData("۱۰ روز دیگر", 10)]
    [InlineData("١٠ روز ديگر", 10)]
    [InlineData("سه روز بعد", 3)]
    [InlineData("فردا", 1)]
    [InlineData("یک ماه دیگر", 30)] // آذر has thirty days
    [InlineData("1405/09/20", 13)]
    public void A_next_day_is_read_from_a_date_or_a_span(string text, int days)
    {
        var today = new System.Globalization.PersianCalendar().ToDateTime(1405, 9, 7, 0, 0, 0, 0);
        Assert.True(NextFollowUp.TryParse(text, today, out var day));
        Assert.Equal(today.AddDays(days), day);
    }

    [Theory]
    [InlineData("۱۰ روز دیگر نامه به فرمانداری", 10, "نامه به فرمانداری")]
    [InlineData("یک هفته دیگر جلسه با مدیر آبفا", 7, "جلسه با مدیر آبفا")]
    [InlineData("فردا تماس تلفنی", 1, "تماس تلفنی")]
    [InlineData("1405/09/20 دو نامه فرستاده شد", 13, "دو نامه فرستاده شد")]
    public void The_followup_command_reads_the_day_it_starts_with_and_keeps_the_rest(string text, int days, string rest)
    {
        var today = new System.Globalization.PersianCalendar().ToDateTime(1405, 9, 7, 0, 0, 0, 0);
        Assert.True(NextFollowUp.TryLead(text, today, out var day, out var after));
        Assert.Equal((today.AddDays(days), rest), (day, after));
    }

    [Fact]
    public async Task The_followup_command_takes_a_span_from_today_as_its_help_shows()
    {
        await As(Rajaei, "/stage RJ-1001 مطالبه‌گری");
        var done = await As(Rajaei, "/followup RJ-1001 ۱۰ روز دیگر نامه به فرمانداری فرستاده شد");
        Assert.Equal([Texts.StaffDone("RJ-1001", Texts.DoneFollowUp("۱۴۰۵/۰۹/۱۷"))], done.Texts);
        Assert.Equal("نامه به فرمانداری فرستاده شد", (await ReportAsync("RJ-1001")).Events.Single(e => e.Kind == ReportEventKind.FollowUp).Text);
        Assert.Contains("«۱۰ روز دیگر»", Texts.FollowUpUsage);
    }

    [Theory]
    [InlineData("هفته بعد")]
    [InlineData("صد روز دیگر")]
    [InlineData("0 روز دیگر")]
    [InlineData("1405/13/01")]
    public void Anything_else_is_not_a_next_day(string text) =>
        Assert.False(NextFollowUp.TryParse(text, new DateTime(2026, 11, 28), out _));

    [Fact]
    public async Task Tekrari_asks_for_the_original_and_refuses_an_unknown_code_or_itself()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var outcomes = await _chat.PressData("st:close:RJ-1003");
        Assert.Contains("dup:RJ-1003", ((InlineKeyboard)outcomes.Last.Keyboard!).Rows.SelectMany(r => r).Select(b => b.Data));
        var ask = await _chat.PressData("dup:RJ-1003");
        Assert.Equal(Texts.AskDuplicateOf("RJ-1003"), ask.Last.Text);

        Assert.Equal([Texts.DuplicateOriginalUnknown("RJ-1999")], (await ReplyTo(ask.IdOfLastTo(Rajaei), "rj-۱۹۹۹")).Texts);
        Assert.Equal([Texts.DuplicateOfItself], (await ReplyTo(ask.IdOfLastTo(Rajaei), "RJ-1003")).Texts);
        Assert.Equal(ReportStage.Identification, (await ReportAsync("RJ-1003")).Stage);

        var closed = await ReplyTo(ask.IdOfLastTo(Rajaei), "RJ-1001");
        Assert.Equal([Texts.StaffDone("RJ-1003", Texts.DoneClosed(ReportOutcome.Duplicate))], closed.Texts);
        Assert.Equal((ReportStage.Closed, ReportOutcome.Duplicate), ((await ReportAsync("RJ-1003")).Stage, (await ReportAsync("RJ-1003")).Outcome));
        Assert.Equal([Texts.AlreadyClosed], (await _chat.PressData("dup:RJ-1003")).Texts);
    }

    [Fact]
    public async Task Tekrari_searches_the_open_reports_of_the_secretariat_by_words_and_closes_on_the_one_chosen()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var ask = await _chat.PressData("dup:RJ-1003");
        Assert.Equal(Texts.DuplicateNoneFound, (await ReplyTo(ask.IdOfLastTo(Rajaei), "گاز کارخانه")).Last.Text);

        var found = await ReplyTo(ask.IdOfLastTo(Rajaei), "آب فین");
        Assert.Equal(Texts.DuplicateFound, found.Last.Text);
        var choices = ((InlineKeyboard)found.Last.Keyboard!).Rows.SelectMany(r => r).ToList();
        Assert.Equal([Texts.DuplicateChoice("RJ-1001", "آب و برق و گاز", "کاشان")], choices.Select(b => b.Label)); // not itself, not the street lights

        // The answer is a question too: other words, in reply to it, search again.
        var again = await ReplyTo(found.IdOfLastTo(Rajaei), "چراغ خیابان");
        Assert.Equal("dup:RJ-1003:RJ-1002", Assert.Single(((InlineKeyboard)again.Last.Keyboard!).Rows.SelectMany(r => r)).Data);

        var closed = await _chat.PressData(choices[0].Data);
        Assert.Equal([Texts.StaffDone("RJ-1003", Texts.DoneClosed(ReportOutcome.Duplicate))], closed.Texts);
        Assert.Contains("(RJ-1001)", (await ReportAsync("RJ-1003")).Events.Single(e => e.Kind == ReportEventKind.Closed).Detail);
    }
}
