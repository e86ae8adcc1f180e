using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Announcements;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The organizer's notice at the end of a broadcast the messenger partly refused says what to do for that kind of
/// broadcast: resend an announcement with <c>/announce</c>; for a session's invitation, check it and, if need be, send a
/// word about the same session with <c>/announce</c>, never a second session (<c>/meeting</c> would make one).
/// </summary>
public sealed class BroadcastEndAdviceTests : IAsyncLifetime
{
    private const long Organizer = 1;
    private readonly ChatHarness _chat = new(("Access:Admins:0", "telegram:1"));

    public async Task InitializeAsync()
    {
        foreach (var (id, phone) in new[] { (501L, "09121111111"), (502L, "09122222222") })
        {
            _chat.As = ("telegram", id, "عضو");
            await _chat.RegisterAsync(phone: phone, county: 0);
        }

        _chat.As = ("telegram", Organizer, "مدیر");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>One copy refused by the messenger, the other delivered; then the scheduler's look at the broadcast's end.</summary>
    private async Task<(string Text, string Audience)> EndAsync()
    {
        await using var db = _chat.Db();
        var broadcast = await db.Broadcasts.SingleAsync();
        var copies = await db.Outbox.Where(o => o.BroadcastId == broadcast.Id).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(2, copies.Count);
        copies[0].Status = OutboxStatus.Refused;
        copies[1].Status = OutboxStatus.Sent;
        await db.SaveChangesAsync();
        var told = Assert.IsType<TextMessage>(Assert.Single(await BroadcastEnd.DueAsync(db, _chat.Now, CancellationToken.None)));
        Assert.Equal(Organizer, told.To.ChatId);
        return (told.Text, broadcast.Audience);
    }

    [Fact]
    public async Task A_session_invitation_is_checked_and_never_made_a_second_session()
    {
        await _chat.Say("/meeting");
        await _chat.Say("نهمین اجلاسیه مجمع بسیجیان شهرستان کاشان");
        await _chat.Say("۱۴۰۵/۰۹/۱۵ ۱۷:۳۰");
        await _chat.Say("اتاق جلسات فرمانداری");
        await _chat.Say("ارائه مسئله‌های کارگروه‌ها");
        await _chat.Press("county");
        await _chat.Press("0");
        Assert.Equal([Texts.MeetingPublished(1, 2)], (await _chat.Press("publish")).Texts);

        var (text, audience) = await EndAsync();
        Assert.Equal(Texts.BroadcastMissed(1, audience, sent: 1, refused: 1, failed: 0, unreachable: 0, BroadcastKind.SessionInvitation), text);
        Assert.Contains("متن دعوت", text);
        Assert.Contains("جلسه تازه‌ای نسازید", text);
        Assert.DoesNotContain("/meeting", text);
    }

    [Fact]
    public async Task An_announcement_is_sent_again_with_announce()
    {
        await _chat.Say("/announce");
        await _chat.Say("نهمین اجلاسیه مجمع پنجشنبه برگزار می‌شود.");
        await _chat.Press(Audience.All);
        await _chat.Press("send");

        var (text, _) = await EndAsync();
        Assert.Contains("/announce", text);
        Assert.DoesNotContain("متن دعوت", text);
    }
}
