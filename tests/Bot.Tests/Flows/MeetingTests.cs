using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Meetings;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>Sessions through the brain, with a fake clock: publishing, RSVPs, reminders, changes.</summary>
public sealed class MeetingTests : IAsyncLifetime
{
    private const long Organizer = 1, Yes = 501, No = 502, Silent = 503, Natanz = 504;
    private readonly ChatHarness _chat = new(("Access:Admins:0", "telegram:1"));

    public async Task InitializeAsync()
    {
        foreach (var (id, phone, county) in new[] { (Yes, "09121111111", 0), (No, "09122222222", 0), (Silent, "09123333333", 0), (Natanz, "09124444444", 2) })
        {
            _chat.As = ("telegram", id, "عضو");
            await _chat.RegisterAsync(phone: phone, county: county);
        }
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Now is 1405/09/07 15:30 in Tehran; the session is 1405/09/15 17:30, to the members of Kashan.</summary>
    private async Task<Reply> PublishAsync(string when = "۱۴۰۵/۰۹/۱۵ ۱۷:۳۰")
    {
        _chat.As = ("telegram", Organizer, "مدیر");
        Assert.Equal(Texts.AskMeetingTitle, (await _chat.Say("/meeting")).Last.Text);
        Assert.Equal(Texts.AskMeetingTime, (await _chat.Say("نهمین اجلاسیه مجمع بسیجیان شهرستان کاشان")).Last.Text);
        Assert.Equal(Texts.AskMeetingPlace, (await _chat.Say(when)).Last.Text);
        Assert.Equal(Texts.AskMeetingAgenda, (await _chat.Say("اتاق جلسات فرمانداری")).Last.Text);
        Assert.Equal(Texts.AskMeetingAudience, (await _chat.Say("ارائه مسئله‌های کارگروه‌ها")).Last.Text);
        await _chat.Press("county");
        var preview = await _chat.Press("0");
        Assert.StartsWith("پیش‌نمایش اعلام جلسه", preview.Last.Text);
        Assert.Contains("زمان: یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", preview.Last.Text);
        return await _chat.Press("publish");
    }

    private Task<Reply> Rsvp(long member, string answer)
    {
        _chat.As = ("telegram", member, "عضو");
        return _chat.PressData($"{MeetingNotices.RsvpPrefix}1:{answer}");
    }

    [Fact]
    public async Task Publishing_sends_the_announcement_with_RSVP_buttons_to_its_audience_and_schedules_reminders()
    {
        var published = await PublishAsync();
        Assert.Equal([Texts.MeetingPublished(1, 3)], published.Texts);
        var copies = published.Messages.OfType<Conversations.Messages.TextMessage>().Where(m => m.To.ChatId != Organizer).ToList();
        Assert.Equal([Yes, No, Silent], copies.Select(m => m.To.ChatId).Order());
        Assert.All(copies, c => Assert.Contains("نهمین اجلاسیه", c.Text));

        await using var db = _chat.Db();
        var reminders = await db.MeetingReminders.OrderBy(r => r.DueAt).ToListAsync();
        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromHours(2)], reminders.Select(r => r.Before));
    }

    [Fact]
    public async Task A_time_in_the_past_or_that_does_not_exist_is_refused_with_the_reason()
    {
        _chat.As = ("telegram", Organizer, "مدیر");
        await _chat.Say("/meeting");
        await _chat.Say("جلسه");
        Assert.Equal([Texts.MeetingTimePast, Texts.AskMeetingTime], (await _chat.Say("1405/09/01 10:00")).Texts);
        Assert.Equal([Texts.MeetingTimeInvalid, Texts.AskMeetingTime], (await _chat.Say("1405/12/30 10:00")).Texts); // 1405 is not a leap year
        Assert.Equal([Texts.MeetingTimeInvalid, Texts.AskMeetingTime], (await _chat.Say("1405/09/15 25:00")).Texts);
        Assert.Equal([Texts.MeetingTimeInvalid, Texts.AskMeetingTime], (await _chat.Say("فردا صبح")).Texts);
        Assert.Equal(Texts.AskMeetingPlace, (await _chat.Say("١٤٠٥/٠٩/١٥ ١٧:٣٠")).Last.Text); // Arabic digits
    }

    [Fact]
    public async Task Reminders_go_to_yes_maybe_and_silent_members_never_to_no_and_never_twice()
    {
        await PublishAsync();
        Assert.Equal(Texts.RsvpRecorded(RsvpAnswer.Yes), (await Rsvp(Yes, "yes")).Answer!.Notice);
        await Rsvp(No, "maybe");
        await Rsvp(No, "no"); // changed their mind: the last answer counts
        Assert.Equal(Texts.RsvpNotInvited, (await Rsvp(Natanz, "yes")).Answer!.Notice);

        var start = new DateTime(2026, 12, 6, 14, 0, 0, DateTimeKind.Utc); // 1405/09/15 17:30 Tehran
        _chat.Now = start.AddDays(-1).AddMinutes(-1);
        Assert.Empty(await _chat.RemindersDueAsync());
        _chat.Now = start.AddDays(-1).AddMinutes(1);
        var day = await _chat.RemindersDueAsync();
        Assert.Equal([Yes, Silent], day.Select(m => m.To.ChatId).Order());
        Assert.All(day, m => Assert.StartsWith("یادآوری: «نهمین اجلاسیه مجمع بسیجیان شهرستان کاشان» یک روز دیگر", m.Text));
        Assert.Empty(await _chat.RemindersDueAsync()); // never twice

        _chat.Now = start.AddHours(-1);
        Assert.Equal(2, (await _chat.RemindersDueAsync()).Count);
        _chat.Now = start.AddMinutes(1);
        Assert.Equal(Texts.RsvpClosed, (await Rsvp(Silent, "yes")).Answer!.Notice); // too late to answer
    }

    [Fact]
    public async Task Rescheduling_moves_the_reminders_and_tells_the_audience_and_cancelling_stops_them()
    {
        await PublishAsync();
        await Rsvp(No, "no");
        _chat.As = ("telegram", Organizer, "مدیر");
        Assert.StartsWith("پیش‌نمایش", (await _chat.Say("/reschedule 1 ۱۴۰۵/۰۹/۲۰ ۱۸:۰۰")).Last.Text);
        var moved = await _chat.Press("confirm");
        Assert.Equal([Texts.MeetingRescheduleDone(1, "جمعه ۲۰ آذر ۱۴۰۵، ساعت ۱۸:۰۰", 2)], moved.Texts);
        Assert.Equal([Yes, Silent], moved.Messages.Where(m => m.To.ChatId != Organizer).Select(m => m.To.ChatId).Order());

        var newStart = new DateTime(2026, 12, 11, 14, 30, 0, DateTimeKind.Utc);
        _chat.Now = new DateTime(2026, 12, 5, 14, 1, 0, DateTimeKind.Utc); // a day before the old time: nothing
        Assert.Empty(await _chat.RemindersDueAsync());
        _chat.Now = newStart.AddDays(-1).AddMinutes(1);
        Assert.Equal(2, (await _chat.RemindersDueAsync()).Count);

        _chat.As = ("telegram", Organizer, "مدیر");
        await _chat.Say("/place 1 سالن اجتماعات دانشگاه کاشان");
        var moved2 = await _chat.Press("confirm");
        Assert.Equal([Texts.MeetingMoveDone(1, 2)], moved2.Texts);
        Assert.Equal(Texts.MeetingMoved("نهمین اجلاسیه مجمع بسیجیان شهرستان کاشان", "جمعه ۲۰ آذر ۱۴۰۵، ساعت ۱۸:۰۰", "سالن اجتماعات دانشگاه کاشان"),
            moved2.Messages.OfType<Conversations.Messages.TextMessage>().First(m => m.To.ChatId == Yes).Text);

        await _chat.Say("/cancelmeeting 1");
        var cancelled = await _chat.Press("confirm");
        Assert.Equal([Texts.MeetingCancelDone(1, 2)], cancelled.Texts);
        Assert.Equal(2, cancelled.Messages.Count(m => m.To.ChatId != Organizer));
        _chat.Now = newStart.AddHours(-1);
        Assert.Empty(await _chat.RemindersDueAsync());
        Assert.Equal(Texts.RsvpClosed, (await Rsvp(Yes, "maybe")).Answer!.Notice);
        _chat.As = ("telegram", Organizer, "مدیر");
        Assert.Equal([Texts.MeetingAlreadyCancelled], (await _chat.Say("/cancelmeeting 1")).Texts);
        Assert.Equal([Texts.UnknownMeeting], (await _chat.Say("/cancelmeeting 9")).Texts);
    }

    [Fact]
    public async Task Meetings_lists_a_members_own_answer_and_the_counts_to_organizers()
    {
        await PublishAsync();
        await Rsvp(Yes, "yes");
        _chat.As = ("telegram", Yes, "عضو");
        var session = Texts.MeetingForMember("نهمین اجلاسیه مجمع بسیجیان شهرستان کاشان", "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", "اتاق جلسات فرمانداری");
        var listed = await _chat.Say(Texts.MenuMeetings);
        Assert.Equal([Texts.MemberMeetingsHead(1), session], listed.Texts);
        Assert.Equal([Texts.RsvpMarked(Texts.RsvpYes), Texts.RsvpMaybe, Texts.RsvpNo], listed.ButtonLabels);

        // One who has not answered answers under the list, and the list's message is redrawn with the answer marked.
        _chat.As = ("telegram", Silent, "عضو");
        var unanswered = await _chat.Say("/meetings");
        Assert.Equal([Texts.RsvpYes, Texts.RsvpMaybe, Texts.RsvpNo], unanswered.ButtonLabels);
        var answered = await _chat.PressUnder(unanswered.IdOfLastTo(Silent), $"{MeetingNotices.RsvpPrefix}1:maybe");
        var redrawn = Assert.Single(answered.Messages.OfType<Conversations.Messages.TextEdit>());
        Assert.Equal(session, redrawn.Text);
        Assert.Equal([Texts.RsvpYes, Texts.RsvpMarked(Texts.RsvpMaybe), Texts.RsvpNo],
            ((Conversations.Messages.InlineKeyboard)redrawn.Keyboard!).Rows.SelectMany(r => r).Select(b => b.Label));

        _chat.As = ("telegram", Natanz, "عضو");
        Assert.Equal([Texts.NoMeetings], (await _chat.Say("/meetings")).Texts);
        _chat.As = ("telegram", Organizer, "مدیر");
        Assert.Contains("دعوت‌شدگان: ۳ نفر\n  می‌آیم ۱، شاید ۱، نمی‌آیم ۰", (await _chat.Say("/meetings")).Last.Text);
    }

    [Fact]
    public async Task Members_cannot_announce_sessions()
    {
        _chat.As = ("telegram", Yes, "عضو");
        Assert.Equal([Texts.UnknownCommand("/meeting")], (await _chat.Say("/meeting")).Texts);
        Assert.Equal([Texts.UnknownCommand("/cancelmeeting")], (await _chat.Say("/cancelmeeting 1")).Texts);
    }
}

public sealed class OutcomeTests : IAsyncLifetime
{
    private readonly ChatHarness _chat = new(("Access:Admins:0", "telegram:1"));

    public async Task InitializeAsync()
    {
        foreach (var (id, phone) in new[] { (501L, "09121111111"), (502L, "09122222222") })
        {
            _chat.As = ("telegram", id, "عضو");
            await _chat.RegisterAsync(phone: phone);
        }

        _chat.As = ("telegram", 1, "مدیر");
        await _chat.Say("/meeting");
        await _chat.Say("نهمین اجلاسیه");
        await _chat.Say("۱۴۰۵/۰۹/۱۵ ۱۷:۳۰");
        await _chat.Say("فرمانداری");
        await _chat.Say("ارائه مسئله‌ها");
        await _chat.Press("all");
        await _chat.Press("publish");
        _chat.As = ("telegram", 501, "عضو");
        await _chat.PressData($"{MeetingNotices.RsvpPrefix}1:yes");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_outcome_is_refused_before_the_session_and_then_sent_to_attendees_only_when_chosen()
    {
        _chat.As = ("telegram", 1, "مدیر");
        Assert.Equal([Texts.MeetingNotHeld], (await _chat.Say("/outcome 1")).Texts);

        _chat.Now = new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc); // after it began
        Assert.Equal(Texts.AskOutcomeText, (await _chat.Say("/outcome ۱")).Last.Text);
        Assert.Equal(Texts.AskAchievements, (await _chat.Say("مسئله‌های سال ارائه و سه دستاورد رونمایی شد.")).Last.Text);
        await _chat.Say("نخستین دستگاه اسپیرومتری هوش مصنوعی\nکتاب «بحران در تغذیه»\n- باند درمان زخم سالک");
        var preview = await _chat.Press("attendees");
        Assert.Contains("۱. نخستین دستگاه اسپیرومتری هوش مصنوعی\n۲. کتاب «بحران در تغذیه»\n۳. باند درمان زخم سالک", preview.Last.Text);
        Assert.Contains("گیرندگان: ۱ نفر", preview.Last.Text);

        var sent = await _chat.Press("send");
        Assert.Equal([Texts.OutcomeQueued(1)], sent.Texts);
        var notice = sent.Messages.OfType<Conversations.Messages.TextMessage>().Single(m => m.To.ChatId == 501);
        Assert.StartsWith("اطلاعیه نتایج «نهمین اجلاسیه»", notice.Text);
        Assert.DoesNotContain(sent.Messages, m => m.To.ChatId == 502);
    }
}
