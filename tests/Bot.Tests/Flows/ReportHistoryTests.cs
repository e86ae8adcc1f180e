using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The reporter's view of their report: every event meant for them in plain Persian, newest first and paged; never a
/// note or a staff member's name. A follower's view stays the follower's.
/// </summary>
public sealed class ReportHistoryTests : IAsyncLifetime
{
    private const long Rajaei = 201, Reporter = 501;
    private const string StaffName = "مرتضی";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"),
        ("Assembly:Secretariats:2:Staff:0", "telegram:201")); // also Beheshti's, to close the report routed there

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(); // «آب و برق و گاز» → rajaei, RJ-1001
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Reply> Staff(string text)
    {
        _chat.As = ("telegram", Rajaei, StaffName);
        var reply = await _chat.Say(text);
        _chat.As = ("telegram", Reporter, "زهرا");
        return reply;
    }

    [Fact]
    public async Task Replies_stages_routing_follow_ups_and_the_outcome_read_in_plain_Persian_without_notes_or_staff_names()
    {
        await Staff("/reply RJ-1001 نشانی دقیق محل قطعی آب را بفرستید.\nپلاک ساختمان هم کمک می‌کند.");
        await Staff("/note RJ-1001 گزارش‌دهنده را قبلاً هم دیده‌ایم");
        await Staff("/stage RJ-1001 followup");
        await Staff("/followup RJ-1001 1405/09/20 با مدیر آب شهرستان تماس گرفتیم");
        await Staff("/route RJ-1001 beheshti");

        var view = (await _chat.Say("rj-1001")).Last;
        var text = view.Text;
        Assert.StartsWith("مسئله RJ-1001\nمسئول رسیدگی: دبیرخانه شهید بهشتی\nمرحله: مطالبه‌گری\n" + Texts.StageMeaning(ReportStage.FollowUp), text);
        // The secretariat's words as written, line breaks and all.
        Assert.Contains(Texts.HistoryReplied("نشانی دقیق محل قطعی آب را بفرستید.\nپلاک ساختمان هم کمک می‌کند."), text);
        Assert.Contains(Texts.HistoryStage(ReportStage.FollowUp), text);
        Assert.Contains(Texts.HistoryFollowUp("با مدیر آب شهرستان تماس گرفتیم", "جمعه ۲۰ آذر ۱۴۰۵"), text);
        Assert.Contains(Texts.HistoryRouted("دبیرخانه شهید بهشتی"), text);
        Assert.Contains("• شنبه ۷ آذر ۱۴۰۵، ساعت ۱۵:۳۰\n" + Texts.HistoryCreated, text);
        // Newest first.
        Assert.True(text.IndexOf(Texts.HistoryRouted("دبیرخانه شهید بهشتی"), StringComparison.Ordinal) < text.IndexOf(Texts.HistoryCreated, StringComparison.Ordinal));
        Assert.DoesNotContain("قبلاً هم دیده‌ایم", text);
        Assert.DoesNotContain(StaffName, text);
        Assert.DoesNotContain("telegram", text);
        Assert.DoesNotContain("←", text);
        Assert.Equal([Texts.AddToReport], ButtonLabels(view));

        _chat.As = ("telegram", Rajaei, StaffName);
        await _chat.CloseConfirmedAsync("/close RJ-1001 unresolved اداره آب بودجه لوله‌کشی تازه را ندارد");
        _chat.As = ("telegram", Reporter, "زهرا");
        var closed = (await _chat.PressData(MyReports.ShowPrefix + "RJ-1001")).Last.Text;
        Assert.Contains("نتیجه: حل نشد\n" + Texts.StageMeaning(ReportStage.Closed), closed);
        Assert.Contains(Texts.HistoryClosed("حل نشد", "اداره آب بودجه لوله‌کشی تازه را ندارد"), closed);
    }

    [Fact]
    public async Task A_long_history_is_paged_newest_first_with_a_button_for_older_events()
    {
        for (var i = 1; i <= 20; i++) await Staff($"/reply RJ-1001 پاسخ شماره {i}");

        var first = (await _chat.Say("RJ-1001")).Last;
        Assert.Equal([Texts.AddToReport, Texts.OlderEventsButton], ButtonLabels(first));
        var seen = new List<string>(Replies(first.Text));
        Assert.Equal(Enumerable.Range(13, 8).Reverse().Select(i => $"پاسخ شماره {i}"), seen);

        var page = first;
        var pages = 1;
        while (OlderData(page) is { } data)
        {
            var next = await _chat.PressData(data);
            Assert.NotNull(next.Answer);
            page = next.Last;
            Assert.StartsWith(Texts.HistoryOlderHeader("RJ-1001"), page.Text);
            Assert.True(page.Text.Length <= 4096);
            seen.AddRange(Replies(page.Text));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 20).Reverse().Select(i => $"پاسخ شماره {i}"), seen);
        Assert.EndsWith(Texts.HistoryCreated, page.Text);
    }

    [Fact]
    public async Task Every_page_fits_one_message_and_only_a_reply_longer_than_a_page_is_cut()
    {
        // As long as a staff member's message can be: with its date and heading it is longer than a page.
        var huge = new string('ب', 4096 - "/reply RJ-1001 ".Length);
        await Staff("/reply RJ-1001 " + huge);
        for (var i = 0; i < 6; i++) await Staff("/reply RJ-1001 " + new string('ا', 1500));

        var page = (await _chat.Say("RJ-1001")).Last;
        var texts = new List<string> { page.Text };
        while (OlderData(page) is { } data) texts.Add((page = (await _chat.PressData(data)).Last).Text);

        Assert.All(texts, t => Assert.InRange(t.Length, 1, 4096));
        Assert.Equal(6, texts.Sum(t => t.Split(new string('ا', 1500)).Length - 1));
        Assert.Contains(texts, t => t.Contains("ببب…", StringComparison.Ordinal) && !t.Contains(huge, StringComparison.Ordinal));
        Assert.EndsWith(Texts.HistoryCreated, texts[^1]);
    }

    [Fact]
    public async Task An_older_events_button_for_someone_elses_report_or_nothing_older_is_refused()
    {
        await Staff("/reply RJ-1001 پاسخ");
        long firstEvent;
        await using (var db = _chat.Db()) firstEvent = await db.ReportEvents.MinAsync(e => e.Id);

        foreach (var data in new[] { $"mo:RJ-1001:{firstEvent}", "mo:RJ-1001:x", "mo:RJ-1001", "mo:RJ-9999:50" })
        {
            var refused = await _chat.PressData(data);
            Assert.Equal(Texts.StaleButton, refused.Answer?.Notice);
            Assert.Empty(refused.Texts);
        }

        _chat.As = ("telegram", 9_999, "غریبه");
        await _chat.RegisterAsync(phone: "09351112233");
        var foreign = await _chat.PressData($"mo:RJ-1001:{firstEvent + 5}");
        Assert.Equal(Texts.StaleButton, foreign.Answer?.Notice);
        Assert.Empty(foreign.Texts);
    }

    [Fact]
    public async Task A_follower_sees_the_follower_view_and_nothing_written_to_the_reporter()
    {
        await Staff("/reply RJ-1001 پاسخی فقط برای گزارش‌دهنده");
        await Staff("/stage RJ-1001 solution");
        _chat.As = ("telegram", 9_999, "غریبه");
        await _chat.RegisterAsync(phone: "09351112233");
        await using (var db = _chat.Db())
        {
            var follower = await db.Members.SingleAsync(m => m.Phone != null && m.Phone.EndsWith("9351112233"));
            db.ReportFollowers.Add(new ReportFollower { ReportId = (await db.Reports.SingleAsync()).Id, MemberId = follower.Id, Since = _chat.Now });
            await db.SaveChangesAsync();
        }

        var view = (await _chat.Say("RJ-1001")).Last;
        Assert.StartsWith("مسئله RJ-1001 — از مسئله‌هایی که دنبال می‌کنید", view.Text);
        Assert.Contains("• ۱۴۰۵/۰۹/۰۷ ساعت ۱۵:۳۰: مرحله «ارائه راهکار»", view.Text);
        Assert.DoesNotContain("پاسخی فقط برای گزارش‌دهنده", view.Text);
        Assert.Null(view.Keyboard);
    }

    private static IReadOnlyList<string> ButtonLabels(TextMessage message) =>
        message.Keyboard is InlineKeyboard k ? k.Rows.SelectMany(r => r).Select(b => b.Label).ToList() : [];

    private static string? OlderData(TextMessage message) =>
        message.Keyboard is InlineKeyboard k ? k.Rows.SelectMany(r => r).SingleOrDefault(b => b.Data.StartsWith(ReportHistory.OlderPrefix, StringComparison.Ordinal))?.Data : null;

    private static IEnumerable<string> Replies(string page) =>
        page.Split("\n\n").Where(block => block.Contains("پاسخ دبیرخانه:", StringComparison.Ordinal)).Select(block => block.Split('\n')[^1]);
}
