using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Announcements;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>The organizers' announcement conversation and what it queues, with no network.</summary>
public sealed class AnnouncementTests : IAsyncLifetime
{
    private const long Admin = 1, Organizer = 401, Rajaei = 201;
    private const string Assembly = "مجمع بسیجیان شهرستان کاشان";

    private readonly ChatHarness _chat = new(("Access:Admins:0", "telegram:1"), ("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync()
    {
        // Three members: two in Kashan (one of them also on Bale), one in Natanz in the youth group.
        _chat.As = ("telegram", 501, "زهرا");
        await _chat.Say("/start"); await _chat.Say("زهرا احمدی"); await _chat.ShareContact("09121111111"); await _chat.Press("0"); await _chat.Press("none");
        _chat.As = ("bale", 9501, "زهرا");
        await _chat.Say("/start"); await _chat.Say("زهرا احمدی"); await _chat.ShareContact("09121111111");
        _chat.As = ("telegram", 502, "علی");
        await _chat.RegisterAsync(phone: "09122222222", county: 0);
        _chat.As = ("telegram", 503, "مینا");
        await _chat.Say("/start"); await _chat.Say("مینا صالحی"); await _chat.Say("09123333333"); await _chat.Press("2"); await _chat.Press("4");
        _chat.As = ("telegram", Admin, "مدیر");
        await _chat.Say("/grant telegram:401 organizer");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Reply> PreviewAsync(string text, string audience, int? value = null)
    {
        _chat.As = ("telegram", Organizer, "برگزارکننده");
        Assert.Equal(Texts.AskAnnouncement, (await _chat.Say("/announce")).Last.Text);
        Assert.Equal(Texts.AskAudience, (await _chat.Say(text)).Last.Text);
        var reply = await _chat.Press(audience);
        return value is null ? reply : await _chat.Press(value.Value.ToString());
    }

    [Fact]
    public async Task A_role_revoked_before_the_send_button_is_pressed_sends_nothing()
    {
        await PreviewAsync("نهمین اجلاسیه مجمع پنجشنبه برگزار می‌شود.", Audience.All);
        _chat.As = ("telegram", Admin, "مدیر");
        await _chat.Say("/revoke telegram:401 organizer");

        _chat.As = ("telegram", Organizer, "برگزارکننده");
        var pressed = await _chat.Press("send");
        Assert.Equal([Texts.RoleGone], pressed.Texts);
        Assert.DoesNotContain(pressed.Messages.OfType<TextMessage>(), m => m.To.ChatId != Organizer);
        await using var db = _chat.Db();
        Assert.Equal(0, await db.Broadcasts.CountAsync());
        Assert.False((await db.Conversations.SingleAsync(c => c.ChatId == Organizer)).Active);
    }

    [Fact]
    public async Task An_announcement_to_all_members_reaches_every_account_once_after_an_explicit_send()
    {
        var preview = await PreviewAsync("نهمین اجلاسیه مجمع پنجشنبه برگزار می‌شود.", Audience.All);
        Assert.Equal(Texts.AnnouncementPreview("نهمین اجلاسیه مجمع پنجشنبه برگزار می‌شود.", Texts.AudienceAll, 3, withFile: false), preview.Last.Text); // four chats, three people
        Assert.Contains(Texts.SendTo(3), preview.ButtonLabels);
        var step = await _chat.StepAsync();

        var sent = await _chat.Press("send");
        Assert.Equal([Texts.AnnouncementQueued(3)], sent.Texts);
        var copies = sent.Messages.OfType<TextMessage>().Where(m => m.To.ChatId != Organizer).ToList();
        Assert.Equal([("bale", 9501L), ("telegram", 501L), ("telegram", 502L), ("telegram", 503L)], copies.Select(m => (m.To.Messenger, m.To.ChatId)).Order());
        Assert.All(copies, m => Assert.Equal(Texts.AnnouncementForMembers(Assembly, "نهمین اجلاسیه مجمع پنجشنبه برگزار می‌شود."), m.Text));
        Assert.All(copies, m => Assert.Equal(OutboxPriority.Bulk, m.Priority));

        // A second press of the send button is stale and sends nothing more.
        var again = await _chat.PressData(FlowButtons.Data(step, "send"));
        Assert.Equal(Texts.StaleButton, again.Answer!.Notice);
        await using var db = _chat.Db();
        var broadcast = await db.Broadcasts.SingleAsync();
        Assert.Equal(4, await db.Outbox.CountAsync(o => o.BroadcastId == broadcast.Id));
    }

    [Fact]
    public async Task A_county_a_working_group_or_a_secretariats_staff_can_be_the_audience()
    {
        Assert.Contains("اعضای شهرستان کاشان — ۲ نفر", (await PreviewAsync("جلسه شهرستان", Audience.County, 0)).Last.Text);
        await _chat.Say("/cancel");
        Assert.Contains("اعضای کارگروه جوانان — ۱ نفر", (await PreviewAsync("جلسه جوانان", Audience.Group, 4)).Last.Text);
        await _chat.Say("/cancel");
        var staff = await PreviewAsync("جلسه کارشناسان", Audience.Staff, 1);
        Assert.Contains("کارشناسان دبیرخانه شهید رجایی — ۱ نفر", staff.Last.Text);
        var sent = await _chat.Press("send");
        Assert.Equal(Texts.AnnouncementForStaff(Assembly, "جلسه کارشناسان"), sent.To(Rajaei).Single().Text);
    }

    [Fact]
    public async Task An_audience_may_combine_a_county_and_a_working_group_each_person_once()
    {
        Assert.Contains("اعضای شهرستان کاشان — ۲ نفر", (await PreviewAsync("جلسه مشترک", Audience.County, 0)).Last.Text);
        await _chat.Press("e:add");
        await _chat.Press(Audience.Group);
        var both = await _chat.Press("4"); // «جوانان»: the member in Natanz
        Assert.Contains("اعضای شهرستان کاشان، اعضای کارگروه جوانان — ۳ نفر", both.Last.Text);
        await _chat.Press("e:add");
        await _chat.Press(Audience.County);
        Assert.Contains("— ۳ نفر", (await _chat.Press("0")).Last.Text); // Kashan again changes nothing
        Assert.Equal(4, (await _chat.Press("send")).Messages.Count(m => m.To.ChatId != Organizer));
    }

    [Fact]
    public async Task Muted_members_are_left_out_until_they_unmute()
    {
        _chat.As = ("telegram", 502, "علی");
        Assert.Equal([Texts.Muted], (await _chat.Say("/mute")).Texts);
        Assert.Contains("— ۲ نفر", (await PreviewAsync("اطلاعیه", Audience.All)).Last.Text);
        await _chat.Say("/cancel");
        _chat.As = ("telegram", 502, "علی");
        Assert.Equal([Texts.Unmuted], (await _chat.Say("/unmute")).Texts);
        Assert.Contains("— ۳ نفر", (await PreviewAsync("اطلاعیه", Audience.All)).Last.Text);
    }

    [Fact]
    public async Task An_empty_announcement_and_an_audience_that_reaches_nobody_send_nothing()
    {
        _chat.As = ("telegram", Organizer, "برگزارکننده");
        await _chat.Say("/announce");
        Assert.Equal([Texts.AnnouncementEmpty, Texts.AskAnnouncement], (await _chat.SendFile(AttachmentKind.Sticker)).Texts);
        Assert.Equal([Texts.AnnouncementEmpty, Texts.AskAnnouncement], (await _chat.SendFile(AttachmentKind.Photo)).Texts); // no caption
        Assert.Equal([Texts.EmptyText], (await _chat.Say("  \u200B ")).Texts);
        await _chat.Say("/cancel");

        var nobody = await PreviewAsync("جلسه اردستان", Audience.County, 3);
        Assert.Equal(Texts.AudienceReachesNobody, nobody.Last.Text);
        Assert.DoesNotContain(nobody.ButtonLabels, l => l.StartsWith("ارسال", StringComparison.Ordinal));
        await using var db = _chat.Db();
        Assert.Empty(await db.Broadcasts.ToListAsync());
    }

    [Fact]
    public async Task A_photo_goes_where_its_file_id_is_valid_and_the_text_elsewhere()
    {
        _chat.As = ("telegram", Organizer, "برگزارکننده");
        await _chat.Say("/announce");
        await _chat.Send(IncomingKind.Media, m => m with { Attachment = new Attachment(AttachmentKind.Photo, "poster-1"), Text = "پوستر اجلاسیه" });
        await _chat.Press(Audience.All);
        var sent = await _chat.Press("send");
        Assert.Equal(3, sent.Messages.OfType<FileMessage>().Count(m => m.To.Messenger == "telegram" && m.FileId == "poster-1"));
        Assert.Equal(Texts.AnnouncementForMembers(Assembly, "پوستر اجلاسیه"), sent.Messages.OfType<TextMessage>().Single(m => m.To.Messenger == "bale").Text);
    }

    [Fact]
    public async Task Only_organizers_and_admins_may_announce_or_see_broadcasts()
    {
        foreach (var (user, allowed) in new[] { (501L, false), (Rajaei, false), (Organizer, true), (Admin, true) })
        {
            _chat.As = ("telegram", user, "کسی");
            var announce = await _chat.Say("/announce");
            Assert.Equal(allowed, announce.Last.Text == Texts.AskAnnouncement);
            if (!allowed) Assert.Equal([Texts.UnknownCommand("/announce")], announce.Texts);
            await _chat.Say("/cancel");
            var broadcasts = await _chat.Say("/broadcasts");
            Assert.Equal(allowed ? [Texts.NoBroadcasts] : [Texts.UnknownCommand("/broadcasts")], broadcasts.Texts);
        }
    }

    [Fact]
    public async Task Broadcasts_shows_each_announcements_delivery()
    {
        await PreviewAsync("اطلاعیه یک", Audience.All);
        await _chat.Press("send");
        await using (var db = _chat.Db())
        {
            // As the sender would leave them: one member blocked the bot, the messenger refused one copy.
            var rows = await db.Outbox.Where(o => o.BroadcastId != null).OrderBy(o => o.Id).ToListAsync();
            rows[0].Status = OutboxStatus.Unreachable;
            rows[1].Status = OutboxStatus.Refused;
            foreach (var row in rows.Skip(2)) row.SentAt = _chat.Now.AddSeconds(90);
            await db.SaveChangesAsync();
        }

        var report = (await _chat.Say("/broadcasts")).Last.Text;
        Assert.Contains("همه اعضا", report);
        Assert.Contains("۴ گیرنده: رسید ۲، در صف ۰، ناموفق ۰، نپذیرفته ۱، مسدودکرده ۱", report);
        Assert.Contains("مدت ارسال: ۰۰:۰۱:۳۰", report);
    }
}
