using System.Text;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Meetings;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The organizers' desk of sessions through the brain: the list with its buttons, changes previewed before anyone is
/// told, RSVPs marked and confirmed, names as a message and a file, people counted once, and muting.
/// </summary>
public sealed class MeetingDeskTests : IAsyncLifetime
{
    private const long Organizer = 1, Yes = 501, Both = 505, BothOnBale = 9505, Natanz = 504;
    private const string Title = "نهمین اجلاسیه مجمع";
    private readonly ChatHarness _chat = new(("Access:Admins:0", "telegram:1"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Yes, "زهرا");
        await _chat.RegisterAsync(phone: "09121111111", county: 0);
        _chat.As = ("telegram", Both, "علی");
        await _chat.RegisterAsync(phone: "09122222222", county: 0);
        _chat.As = ("telegram", Natanz, "مینا");
        await _chat.RegisterAsync(phone: "09124444444", county: 2);
        // One person on both messengers: two chats, one member.
        await using var db = _chat.Db();
        var both = await db.Accounts.Where(a => a.Messenger == "telegram" && a.ChatId == Both).Select(a => a.MemberId).SingleAsync();
        db.Accounts.Add(new Account { Messenger = "bale", UserId = BothOnBale, ChatId = BothOnBale, MemberId = both });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Now is 1405/09/07 15:30 in Tehran; the session is Sunday 1405/09/15 17:30, for the members of Kashan.</summary>
    private async Task<Reply> PublishAsync()
    {
        _chat.As = ("telegram", Organizer, "مدیر");
        await _chat.Say("/meeting");
        await _chat.Say(Title);
        await _chat.Say("۱۵ آذر ۱۴۰۵ ساعت ۱۷:۳۰");
        await _chat.Say("اتاق جلسات فرمانداری");
        await _chat.Say("ارائه مسئله‌های کارگروه‌ها");
        await _chat.Press("county");
        var preview = await _chat.Press("0");
        Assert.Contains("زمان: یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", preview.Last.Text);
        Assert.Contains("— ۲ نفر", preview.Last.Text); // three chats, two people
        return await _chat.Press("publish");
    }

    private Task<Reply> PressRsvp(long chat, string answer, long? under = null, string messenger = "telegram")
    {
        _chat.As = (messenger, chat, "عضو");
        return _chat.Send(Conversations.Messages.IncomingKind.ButtonPress, m => m with
        {
            ButtonData = $"{MeetingNotices.RsvpPrefix}1:{answer}", ButtonPressId = Guid.NewGuid().ToString("N"), MessageId = under ?? m.MessageId,
        });
    }

    private static IReadOnlyList<string> Labels(Keyboard? keyboard) =>
        keyboard is InlineKeyboard inline ? inline.Rows.SelectMany(r => r).Select(b => b.Label).ToList() : [];

    [Fact]
    public async Task A_session_reaches_people_once_though_one_of_them_has_two_chats()
    {
        var published = await PublishAsync();
        Assert.Equal([Texts.MeetingPublished(1, 2)], published.Texts);
        var copies = published.Messages.OfType<TextMessage>().Where(m => m.To.ChatId != Organizer).ToList();
        Assert.Equal([Yes, Both, BothOnBale], copies.Select(m => m.To.ChatId).Order());
        Assert.All(copies, c => Assert.Equal([Texts.RsvpYes, Texts.RsvpMaybe, Texts.RsvpNo, Texts.MuteButton], Labels(c.Keyboard)));

        _chat.As = ("telegram", Organizer, "مدیر");
        var list = (await _chat.Say("/meetings")).Last.Text;
        Assert.Contains("دعوت‌شدگان: ۲ نفر\n  می‌آیم ۰، شاید ۰، نمی‌آیم ۰", list);
    }

    [Fact]
    public async Task An_answer_is_marked_on_the_pressed_buttons_and_confirmed_by_a_message()
    {
        var published = await PublishAsync();
        var announcement = published.IdOfLastTo(Yes);

        var yes = await PressRsvp(Yes, "yes", under: announcement);
        Assert.Equal(Texts.RsvpRecorded(RsvpAnswer.Yes), yes.Answer!.Notice);
        var edit = yes.Messages.OfType<TextEdit>().Single();
        Assert.Equal(announcement, edit.MessageId);
        Assert.StartsWith(Title, edit.Text);
        Assert.Equal([Texts.RsvpMarked(Texts.RsvpYes), Texts.RsvpMaybe, Texts.RsvpNo, Texts.MuteButton], Labels(edit.Keyboard));
        Assert.Equal([Texts.RsvpConfirmed(Title, "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", RsvpAnswer.Yes)], yes.Texts);
        Assert.Null(yes.Last.Keyboard);

        // Changed: the mark moves; «نمی‌آیم» also says no reminders will come.
        var no = await PressRsvp(Yes, "no", under: announcement);
        Assert.Equal([Texts.RsvpYes, Texts.RsvpMaybe, Texts.RsvpMarked(Texts.RsvpNo), Texts.MuteButton], Labels(no.Messages.OfType<TextEdit>().Single().Keyboard));
        Assert.Contains("یادآوری‌های این جلسه برای شما فرستاده نمی‌شود", no.Last.Text);

        // A message the bot no longer has the text of is left alone; the confirmation carries the marked buttons.
        var unknown = await PressRsvp(Yes, "maybe", under: 99_999);
        Assert.Empty(unknown.Messages.OfType<TextEdit>());
        Assert.Equal([Texts.RsvpYes, Texts.RsvpMarked(Texts.RsvpMaybe), Texts.RsvpNo], Labels(unknown.Last.Keyboard));

        // The reminder shows each member their own answer.
        _chat.Now = new DateTime(2026, 12, 5, 14, 1, 0, DateTimeKind.Utc);
        var reminders = await _chat.RemindersDueAsync();
        Assert.Equal([Texts.RsvpYes, Texts.RsvpMarked(Texts.RsvpMaybe), Texts.RsvpNo], Labels(reminders.Single(m => m.To.ChatId == Yes).Keyboard));
        Assert.Equal([Texts.RsvpYes, Texts.RsvpMaybe, Texts.RsvpNo], Labels(reminders.Single(m => m.To.ChatId == Both).Keyboard));
    }

    [Fact]
    public async Task The_meetings_desk_lists_upcoming_and_past_sessions_with_their_buttons()
    {
        _chat.As = ("telegram", Organizer, "مدیر");
        Assert.Equal([Texts.MeetingsNoneForOrganizer], (await _chat.Say("/meetings")).Texts);
        await PublishAsync();
        var list = await _chat.Say("/meetings");
        Assert.StartsWith(Texts.MeetingsUpcoming + "\n\nجلسه ۱: " + Title + "\n  یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", list.Last.Text);
        Assert.Equal([Texts.MeetingRescheduleButton(1), Texts.MeetingPlaceButton(1), Texts.MeetingCancelButton(1), Texts.MeetingNamesButton(1)], list.ButtonLabels);

        // Once it has begun it is listed as held, with the outcome button, which starts the outcome notice.
        _chat.Now = new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc);
        var later = await _chat.Say("/meetings");
        Assert.StartsWith(Texts.MeetingsPast + "\n\nجلسه ۱: " + Title, later.Last.Text);
        Assert.Equal([Texts.MeetingOutcomeButton(1), Texts.MeetingNamesButton(1)], later.ButtonLabels);
        Assert.Equal(Texts.AskOutcomeText, (await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.OutcomeAction}:1")).Last.Text);

        // A member sees no desk and cannot press its buttons.
        _chat.As = ("telegram", Yes, "زهرا");
        Assert.Equal(Texts.StaleButton, (await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.CancelAction}:1")).Answer!.Notice);
    }

    [Fact]
    public async Task Cancelling_shows_the_exact_message_and_the_people_and_tells_nobody_before_the_confirmation()
    {
        await PublishAsync();
        var preview = await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.CancelAction}:1");
        var notice = Texts.MeetingCancelled(Title, "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰");
        Assert.Equal(Texts.MeetingChangePreview(notice, 2), preview.Last.Text);
        Assert.Equal([Texts.ConfirmMeetingCancel(2), Texts.KeepMeeting], preview.ButtonLabels);
        Assert.DoesNotContain(preview.Messages, m => m.To.ChatId != Organizer);
        await using (var db = _chat.Db()) Assert.Equal(MeetingStatus.Published, (await db.Meetings.SingleAsync()).Status);

        // «نه، جلسه لغو نشود» ends the conversation and leaves the session as it was.
        var kept = await _chat.Press("cancel");
        Assert.Equal([Texts.Cancelled], kept.Texts);
        Assert.DoesNotContain(kept.Messages, m => m.To.ChatId != Organizer);
        await using (var db = _chat.Db()) Assert.Equal(MeetingStatus.Published, (await db.Meetings.SingleAsync()).Status);

        await _chat.Say("/cancelmeeting ۱");
        var done = await _chat.Press("confirm");
        Assert.Equal([Texts.MeetingCancelDone(1, 2)], done.Texts);
        Assert.Equal([Yes, Both, BothOnBale], done.Messages.OfType<TextMessage>().Where(m => m.To.ChatId != Organizer && m.Text == notice).Select(m => m.To.ChatId).Order());
        Assert.Equal([Texts.MeetingAlreadyCancelled], (await _chat.Say("/cancelmeeting 1")).Texts);
    }

    [Fact]
    public async Task Rescheduling_from_the_button_asks_the_time_refuses_bad_ones_and_shows_the_change_first()
    {
        await PublishAsync();
        var asked = await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.RescheduleAction}:1");
        Assert.Equal(Texts.AskNewMeetingTime(Title, "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰"), asked.Last.Text);

        var unreadable = await _chat.Say("هفته بعد");
        Assert.Equal(Texts.MeetingTimeInvalid, unreadable.Texts[0]);
        Assert.Contains("فردا ساعت ۱۷", unreadable.Texts[0]); // the accepted forms are named
        Assert.Equal([Texts.MeetingTimePast, Texts.AskNewMeetingTime(Title, "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰")], (await _chat.Say("۱ آذر ۱۴۰۵ ساعت ۱۰")).Texts);
        // A weekday that is not that date's is not guessed at.
        Assert.Equal(Texts.MeetingTimeInvalid, (await _chat.Say("شنبه ۲۰ آذر ۱۴۰۵، ساعت ۱۸:۰۰")).Texts[0]);

        var preview = await _chat.Say("فردا ساعت ۱۸");
        var notice = Texts.MeetingRescheduled(Title, "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", "یکشنبه ۸ آذر ۱۴۰۵، ساعت ۱۸:۰۰", "اتاق جلسات فرمانداری");
        Assert.Equal(Texts.MeetingChangePreview(notice, 2), preview.Last.Text);
        Assert.DoesNotContain(preview.Messages, m => m.To.ChatId != Organizer);

        // Back to the time, a day the bot itself wrote, then the confirmation.
        Assert.StartsWith("زمان تازه", (await _chat.Press("back")).Last.Text);
        await _chat.Say("جمعه ۲۰ آذر ۱۴۰۵، ساعت ۱۸:۰۰");
        var done = await _chat.Press("confirm");
        Assert.Equal([Texts.MeetingRescheduleDone(1, "جمعه ۲۰ آذر ۱۴۰۵، ساعت ۱۸:۰۰", 2)], done.Texts);
        var sent = done.Messages.OfType<TextMessage>().Where(m => m.To.ChatId != Organizer).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, m => Assert.StartsWith("زمان «" + Title + "» تغییر کرد: از یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰ به جمعه ۲۰ آذر ۱۴۰۵، ساعت ۱۸:۰۰", m.Text));
    }

    [Fact]
    public async Task A_new_place_is_asked_from_the_button_and_sent_only_when_confirmed()
    {
        await PublishAsync();
        Assert.Equal(Texts.AskNewMeetingPlace(Title, "اتاق جلسات فرمانداری"), (await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.PlaceAction}:1")).Last.Text);
        var preview = await _chat.Say("سالن اجتماعات دانشگاه کاشان");
        Assert.Contains(Texts.MeetingMoved(Title, "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", "سالن اجتماعات دانشگاه کاشان"), preview.Last.Text);
        Assert.DoesNotContain(preview.Messages, m => m.To.ChatId != Organizer);
        Assert.Equal([Texts.MeetingMoveDone(1, 2)], (await _chat.Press("confirm")).Texts);
    }

    [Fact]
    public async Task An_unknown_number_or_a_bad_command_gets_a_Persian_answer()
    {
        await PublishAsync();
        Assert.Equal([Texts.UnknownMeeting], (await _chat.Say("/cancelmeeting ۹")).Texts);
        Assert.Equal([Texts.UnknownMeeting], (await _chat.Say("/reschedule نهم")).Texts);
        Assert.Equal([Texts.UnknownMeeting], (await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.NamesAction}:9")).Texts);
        Assert.Equal([Texts.Usage("/reschedule " + Texts.RescheduleUsage)], (await _chat.Say("/reschedule")).Texts);
        Assert.Equal([Texts.MeetingTimeInvalid], (await _chat.Say("/reschedule 1 پس از عید")).Texts);
        Assert.Equal([Texts.MeetingTimePast], (await _chat.Say("/reschedule 1 ۱۴۰۵/۰۹/۰۱ ۱۰:۰۰")).Texts);
    }

    [Fact]
    public async Task Organizers_get_the_names_of_those_coming_as_a_message_and_a_file()
    {
        await PublishAsync();
        await PressRsvp(Yes, "yes");
        await PressRsvp(BothOnBale, "maybe", messenger: "bale");
        await PressRsvp(Natanz, "yes"); // not invited: not recorded, not named
        _chat.As = ("telegram", Organizer, "مدیر");
        var names = await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.NamesAction}:1");
        Assert.StartsWith(Texts.MeetingNamesHeader(Title, "یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰"), names.Last.Text);
        Assert.DoesNotContain("مینا", names.Last.Text);
        Assert.Contains(Texts.MeetingNamesGroup(Texts.RsvpYes, 1) + "\n" + Texts.MeetingNamesLine(1, "زهرا احمدی", "کاشان"), names.Last.Text);
        Assert.Contains(Texts.MeetingNamesGroup(Texts.RsvpMaybe, 1) + "\n" + Texts.MeetingNamesLine(1, "علی احمدی", "کاشان"), names.Last.Text);
        var file = names.Messages.OfType<UploadMessage>().Single();
        Assert.Equal(Organizer, file.To.ChatId);
        var csv = Encoding.UTF8.GetString(file.Content);
        Assert.Contains("نام,شهرستان,کارگروه,پاسخ,زمان پاسخ", csv);
        Assert.Contains("زهرا احمدی,کاشان,", csv);
        Assert.Contains("علی احمدی,کاشان,", csv);
    }

    [Fact]
    public async Task Nobody_coming_is_said_plainly()
    {
        await PublishAsync();
        await PressRsvp(Yes, "no");
        _chat.As = ("telegram", Organizer, "مدیر");
        var names = await _chat.PressData($"{MeetingDesk.ButtonPrefix}{MeetingDesk.NamesAction}:1");
        Assert.EndsWith(Texts.MeetingNamesNone, names.Last.Text);
        Assert.Empty(names.Messages.OfType<UploadMessage>());
    }

    [Fact]
    public async Task Mute_says_what_it_stops_and_the_button_under_an_announcement_does_the_same()
    {
        _chat.As = ("telegram", Yes, "زهرا");
        var muted = await _chat.Say("/mute");
        Assert.Equal([Texts.Muted], muted.Texts);
        Assert.Contains("دعوت به جلسه‌های تازه", Texts.Muted);
        await _chat.Say("/unmute");

        await PublishAsync();
        _chat.As = ("telegram", Yes, "زهرا");
        var button = await _chat.PressData(RsvpButtons.MuteData);
        Assert.Equal([Texts.Muted], button.Texts);
        await using var db = _chat.Db();
        Assert.True((await db.Members.SingleAsync(m => m.Accounts.Any(a => a.ChatId == Yes))).MutedAnnouncements);
    }
}
