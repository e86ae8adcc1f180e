using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>«مسئله‌های من»: the list, one report's timeline, adding to it; only ever one's own reports.</summary>
public sealed class MyReportsTests : IAsyncLifetime
{
    private readonly ChatHarness _chat = new();

    public async Task InitializeAsync()
    {
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(topic: 0, description: "قانون جدید مالیات کسب‌وکارهای کوچک را تعطیل می‌کند", place: "بازار کاشان");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_list_shows_code_secretariat_stage_and_a_Persian_relative_time()
    {
        _chat.Now = _chat.Now.AddDays(2);
        var list = await _chat.Say(Texts.MenuMyReports);
        Assert.Equal(Texts.MyReportsHeader + "\n\n" + Texts.MyReportLine("MD-1001", "دبیرخانه شهید مدرس", "مسئله‌یابی", "۲ روز پیش"), list.Last.Text);
        Assert.Equal(["قوانین و مقررات — MD-1001"], list.ButtonLabels);
        Assert.Equal([Texts.NoReports], (await NewMember().Say("/myreports")).Texts);
    }

    [Fact]
    public async Task A_report_shows_its_timeline_and_takes_an_added_message()
    {
        var details = await _chat.PressData(MyReports.ShowPrefix + "MD-1001");
        Assert.StartsWith("مسئله MD-1001\nمسئول رسیدگی: دبیرخانه شهید مدرس\nمرحله: مسئله‌یابی", details.Last.Text);
        Assert.Contains("• شنبه ۷ آذر ۱۴۰۵، ساعت ۱۵:۳۰\n" + Texts.HistoryCreated, details.Last.Text);
        Assert.Equal([Texts.AddToReport], details.ButtonLabels);

        Assert.Equal(Texts.AskAddition("MD-1001"), (await _chat.PressData(MyReports.AddPrefix + "MD-1001")).Last.Text);
        Assert.Equal([Texts.AddedAskMore("MD-1001")], (await _chat.Say("یک عکس هم از قبض دارم")).Texts);
        Assert.Equal([Texts.AddedAskMore("MD-1001")], (await _chat.SendFile(AttachmentKind.Photo)).Texts);
        Assert.Equal([Texts.Added("MD-1001")], (await _chat.Press("done")).Texts);

        await using var db = _chat.Db();
        var report = await db.Reports.Include(r => r.Events).Include(r => r.Attachments).SingleAsync();
        Assert.Equal([ReportEventKind.Created, ReportEventKind.MemberMessage, ReportEventKind.MemberAttachment], report.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Single(report.Attachments);
    }

    [Fact]
    public async Task Another_members_code_is_refused_whether_typed_or_pressed()
    {
        var stranger = NewMember();
        Assert.Equal([Texts.NotYourReport], (await stranger.Say("md-1001")).Texts);
        Assert.Equal([Texts.NotYourReport], (await stranger.PressData(MyReports.ShowPrefix + "MD-1001")).Texts);
        // Even with a button crafted for it, the press is refused before anything starts, and what follows is
        // read as any text of theirs: offered as a report of their own, never added to this one.
        var forged = await stranger.PressData(MyReports.AddPrefix + "MD-1001");
        Assert.Equal(Texts.StaleButton, forged.Answer?.Notice);
        Assert.Empty(forged.Texts);
        Assert.Equal(Texts.OfferNewReport, (await stranger.Say("من هم همین مشکل را دارم")).Last.Text);

        await using var db = _chat.Db();
        Assert.Equal(1, await db.ReportEvents.CountAsync());
    }

    [Fact]
    public async Task Reports_follow_the_member_to_their_other_messenger()
    {
        await using (var db = _chat.Db())
        {
            var member = await db.Members.SingleAsync();
            member.PhoneVerified = true;
            await db.SaveChangesAsync();
        }

        _chat.As = ("bale", 99_001, "زهرا");
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        await _chat.ShareContact("09121234567");
        Assert.Contains("MD-1001", (await _chat.Say("/myreports")).Last.Text);
    }

    private ChatHarnessView NewMember() => new(_chat, ("telegram", 9_999, "غریبه"));

    /// <summary>The same chat harness, speaking as somebody else (registered on the fly).</summary>
    private sealed class ChatHarnessView(ChatHarness chat, (string, long, string) who)
    {
        private async Task<T> AsWho<T>(Func<Task<T>> act)
        {
            var before = chat.As;
            chat.As = who;
            try
            {
                await using (var db = chat.Db())
                    if (!await db.Accounts.AnyAsync(a => a.UserId == who.Item2))
                        await chat.RegisterAsync(phone: "09351112233");
                return await act();
            }
            finally
            {
                chat.As = before;
            }
        }

        public Task<Reply> Say(string text) => AsWho(() => chat.Say(text));
        public Task<Reply> PressData(string data) => AsWho(() => chat.PressData(data));
    }
}
