using System.Globalization;
using Assembly.Bot.Scheduling;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Meetings;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>A session published to members on both messengers, RSVPs, reminders across a restart, and its outcome.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class SessionJourneyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Organizer = 1;

    [Fact]
    public async Task Publish_collect_RSVPs_remind_across_a_restart_and_send_the_outcome()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        // The session is the day after tomorrow at 17:30, Tehran time, typed in Persian digits.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
        var day = TimeZoneInfo.ConvertTimeFromUtc(TimeProvider.System.GetUtcNow().UtcDateTime, zone).Date.AddDays(2);
        var calendar = new PersianCalendar();
        var when = PersianText.ToPersianDigits(string.Create(CultureInfo.InvariantCulture, $"{calendar.GetYear(day)}/{calendar.GetMonth(day):00}/{calendar.GetDayOfMonth(day):00} 17:30"));
        var startsAt = TimeZoneInfo.ConvertTimeToUtc(day.AddHours(17.5), zone);

        // One reminder, due an hour from now: nothing is reminded while the session is organised. When the test is ready
        // for it, its row is made due at once, so nothing waits for the clock.
        var remindAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1);
        var settings = new Dictionary<string, string?>
        {
            ["Access:Admins:0"] = "telegram:1",
            // Both entries of the shipped list are overridden (configuration merges lists by index); the same offset twice is one reminder.
            ["Meetings:ReminderOffsets:0"] = (startsAt - remindAt).ToString("c", CultureInfo.InvariantCulture),
            ["Meetings:ReminderOffsets:1"] = (startsAt - remindAt).ToString("c", CultureInfo.InvariantCulture),
        };
        var first = await BotTestHost.StartAsync(database, telegram, bale, settings: settings);
        (string Messenger, long Id)[] members = [("telegram", 31), ("telegram", 32), ("bale", 41), ("bale", 42)];
        await using (var db = first.Db())
        {
            foreach (var (messenger, id) in members)
                db.Members.Add(new Member { Name = $"عضو {id}", Phone = $"+9891200000{id}", County = "کاشان", CreatedAt = DateTime.UnixEpoch, Accounts = { new Account { Messenger = messenger, UserId = id, ChatId = id } } });
            await db.SaveChangesAsync();
        }

        async Task Organize(Action send, string expect)
        {
            var before = telegram.SentTo(Organizer).Count;
            send();
            await telegram.WaitUntilAsync(t => t.SentTo(Organizer).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        async Task Press(BotTestHost host, string value, string expect)
        {
            await using var db = host.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Organizer)).Step;
            await Organize(() => telegram.EnqueueCallback(Organizer, FlowButtons.Data(step, value), telegram.SentTo(Organizer)[^1].MessageId), expect);
        }

        await Organize(() => telegram.EnqueueText(Organizer, "/meeting"), Texts.AskMeetingTitle);
        await Organize(() => telegram.EnqueueText(Organizer, "نهمین اجلاسیه مجمع"), Texts.AskMeetingTime);
        await Organize(() => telegram.EnqueueText(Organizer, when), Texts.AskMeetingPlace);
        await Organize(() => telegram.EnqueueText(Organizer, "اتاق جلسات فرمانداری"), Texts.AskMeetingAgenda);
        await Organize(() => telegram.EnqueueText(Organizer, "ارائه مسئله‌های کارگروه‌ها"), Texts.AskMeetingAudience);
        await Press(first, "all", "پیش‌نمایش اعلام جلسه");
        await Press(first, "publish", Texts.MeetingPublished(1, 4));

        // Everyone gets the announcement with RSVP buttons, on their own messenger, and answers.
        await telegram.WaitUntilAsync(t => t.SentTo(31).Count == 1 && t.SentTo(32).Count == 1, Wait);
        await bale.WaitUntilAsync(b => b.SentTo(41).Count == 1 && b.SentTo(42).Count == 1, Wait);
        telegram.EnqueueCallback(31, $"{MeetingNotices.RsvpPrefix}1:yes", telegram.SentTo(31)[0].MessageId);
        bale.EnqueueCallback(41, $"{MeetingNotices.RsvpPrefix}1:maybe", bale.SentTo(41)[0].MessageId);
        bale.EnqueueCallback(42, $"{MeetingNotices.RsvpPrefix}1:no", bale.SentTo(42)[0].MessageId);
        await telegram.WaitUntilAsync(t => t.Answers.Any(a => a.Text == Texts.RsvpRecorded(RsvpAnswer.Yes)), Wait);
        await bale.WaitUntilAsync(b => b.Answers.Count(a => a.Text!.StartsWith("پاسخ شما ثبت شد", StringComparison.Ordinal)) == 2, Wait);

        // When it is due the scheduler queues the reminder; the bot restarts at once; nothing goes twice.
        var dueNow = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var db = first.Db())
            Assert.Equal(1, await db.MeetingReminders.ExecuteUpdateAsync(r => r.SetProperty(x => x.DueAt, dueNow)));

        Assert.Equal(3, await first.Services.GetRequiredService<Scheduler>().RunOnceAsync(CancellationToken.None)); // yes, maybe, silent; never «no»
        await first.StopAsync();
        await using var second = await BotTestHost.StartAsync(database, telegram, bale, settings: settings);
        Assert.Equal(0, await second.Services.GetRequiredService<Scheduler>().RunOnceAsync(CancellationToken.None));

        static bool Reminder(SentMessage m) => m.Text!.StartsWith("یادآوری: «نهمین اجلاسیه مجمع»", StringComparison.Ordinal);
        await telegram.WaitUntilAsync(t => t.SentTo(31).Any(Reminder) && t.SentTo(32).Any(Reminder), Wait);
        await bale.WaitUntilAsync(b => b.SentTo(41).Any(Reminder), Wait);
        await second.WaitUntilQuietAsync(Wait, telegram, bale);
        Assert.DoesNotContain(bale.SentTo(42), Reminder);
        Assert.Single(telegram.SentTo(31), Reminder);

        // After the session (its time moved into the past here), the outcome notice reaches the audience.
        await using (var db = second.Db())
        {
            (await db.Meetings.SingleAsync()).StartsAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-3);
            await db.SaveChangesAsync();
        }

        await Organize(() => telegram.EnqueueText(Organizer, "/outcome 1"), Texts.AskOutcomeText);
        await Organize(() => telegram.EnqueueText(Organizer, "سه دستاورد رونمایی شد."), Texts.AskAchievements);
        await Organize(() => telegram.EnqueueText(Organizer, "دستگاه اسپیرومتری هوش مصنوعی\nکتاب بحران در تغذیه"), Texts.AskOutcomeRecipients);
        await Press(second, "audience", "پیش‌نمایش");
        await Press(second, "send", Texts.OutcomeQueued(3));
        static bool Outcome(SentMessage m) => m.Text!.StartsWith("اطلاعیه نتایج «نهمین اجلاسیه مجمع»", StringComparison.Ordinal);
        await telegram.WaitUntilAsync(t => t.SentTo(31).Any(Outcome) && t.SentTo(32).Any(Outcome), Wait);
        await bale.WaitUntilAsync(b => b.SentTo(41).Any(Outcome), Wait);
        Assert.DoesNotContain(bale.SentTo(42), Outcome);
    }
}
