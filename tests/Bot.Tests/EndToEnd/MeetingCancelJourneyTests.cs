using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Meetings;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Cancelling a session through the real host and the fake Bot API: the preview reaches only the organizer, and only
/// the confirmation sends the notice, to every chat of every person, counted in people.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class MeetingCancelJourneyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Organizer = 1;

    [Fact]
    public async Task The_cancel_preview_tells_nobody_and_the_confirmation_tells_everyone_once()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var host = await BotTestHost.StartAsync(database, telegram, bale, settings: new Dictionary<string, string?> { ["Access:Admins:0"] = "telegram:1" });
        await using (var db = host.Db())
        {
            db.Members.Add(new Member { Name = "عضو ۳۱", Phone = "+989120000031", County = "کاشان", CreatedAt = DateTime.UnixEpoch, Accounts = { new Account { Messenger = "telegram", UserId = 31, ChatId = 31 } } });
            db.Members.Add(new Member { Name = "عضو ۴۱", Phone = "+989120000041", County = "کاشان", CreatedAt = DateTime.UnixEpoch, Accounts = { new Account { Messenger = "bale", UserId = 41, ChatId = 41 } } });
            // One person on both messengers.
            db.Members.Add(new Member
            {
                Name = "عضو ۳۳", Phone = "+989120000033", County = "کاشان", CreatedAt = DateTime.UnixEpoch,
                Accounts = { new Account { Messenger = "telegram", UserId = 33, ChatId = 33 }, new Account { Messenger = "bale", UserId = 43, ChatId = 43 } },
            });
            await db.SaveChangesAsync();
        }

        async Task Organize(Action send, string expect)
        {
            var before = telegram.SentTo(Organizer).Count;
            send();
            await telegram.WaitUntilAsync(t => t.SentTo(Organizer).Skip(before).Any(m => m.Text!.StartsWith(expect, StringComparison.Ordinal)), Wait);
        }

        async Task Press(string value, string expect)
        {
            await using var db = host.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Organizer)).Step;
            await Organize(() => telegram.EnqueueCallback(Organizer, FlowButtons.Data(step, value), telegram.SentTo(Organizer)[^1].MessageId), expect);
        }

        await Organize(() => telegram.EnqueueText(Organizer, "/meeting"), Texts.AskMeetingTitle);
        await Organize(() => telegram.EnqueueText(Organizer, "نهمین اجلاسیه مجمع"), Texts.AskMeetingTime);
        await Organize(() => telegram.EnqueueText(Organizer, "فردا ساعت ۱۷"), Texts.AskMeetingPlace);
        await Organize(() => telegram.EnqueueText(Organizer, "اتاق جلسات فرمانداری"), Texts.AskMeetingAgenda);
        await Organize(() => telegram.EnqueueText(Organizer, "ارائه مسئله‌های کارگروه‌ها"), Texts.AskMeetingAudience);
        await Press("all", "پیش‌نمایش اعلام جلسه");
        await Press("publish", Texts.MeetingPublished(1, 3)); // four chats, three people
        await telegram.WaitUntilAsync(t => t.SentTo(31).Count == 1 && t.SentTo(33).Count == 1, Wait);
        await bale.WaitUntilAsync(b => b.SentTo(41).Count == 1 && b.SentTo(43).Count == 1, Wait);

        string notice;
        await using (var db = host.Db())
        {
            var meeting = await db.Meetings.SingleAsync();
            notice = Texts.MeetingCancelled(meeting.Title, MeetingTime.Format(meeting.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran")));
        }

        // The preview is the very notice, with the people it will reach; nobody else hears of it.
        await Organize(() => telegram.EnqueueText(Organizer, "/cancelmeeting ۱"), Texts.MeetingChangePreview(notice, 3));
        await host.WaitUntilQuietAsync(Wait, telegram, bale);
        Assert.Single(telegram.SentTo(31));
        Assert.Single(bale.SentTo(43));
        await using (var db = host.Db()) Assert.Equal(MeetingStatus.Published, (await db.Meetings.SingleAsync()).Status);

        await Press("confirm", Texts.MeetingCancelDone(1, 3));
        await telegram.WaitUntilAsync(t => t.SentTo(31).Any(m => m.Text == notice) && t.SentTo(33).Any(m => m.Text == notice), Wait);
        await bale.WaitUntilAsync(b => b.SentTo(41).Any(m => m.Text == notice) && b.SentTo(43).Any(m => m.Text == notice), Wait);
        await host.WaitUntilQuietAsync(Wait, telegram, bale);
        Assert.Single(telegram.SentTo(31), m => m.Text == notice);
        await using (var db = host.Db())
        {
            Assert.Equal(MeetingStatus.Cancelled, (await db.Meetings.SingleAsync()).Status);
            Assert.Empty(await db.MeetingReminders.Where(r => r.SentAt == null).ToListAsync());
        }
    }
}
