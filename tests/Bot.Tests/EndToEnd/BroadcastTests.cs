using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>An announcement to members on both messengers, paced, with the bot restarted in the middle.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class BroadcastTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Organizer = 1;

    [Fact]
    public async Task A_broadcast_resumes_after_a_restart_nobody_twice_nobody_skipped_and_replies_go_first()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Token = "987654:BALE-token_xyz", IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        var settings = new Dictionary<string, string?>
        {
            ["Access:Admins:0"] = "telegram:1",
            ["Messengers:Telegram:Limits:BulkPerSecond"] = "15",
            ["Messengers:Bale:Limits:BulkPerSecond"] = "10",
        };
        var first = await BotTestHost.StartAsync(database, telegram, bale, settings: settings);

        // Members are seeded directly: their registration is tested elsewhere; here they only receive.
        var members = Enumerable.Range(0, 60).Select(i => (Messenger: i % 4 == 0 ? "bale" : "telegram", Id: 20_000L + i)).ToList();
        await using (var db = first.Db())
        {
            foreach (var (messenger, id) in members)
                db.Members.Add(new Member { Name = $"عضو {id}", Phone = $"+98912{id:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch, Accounts = { new Account { Messenger = messenger, UserId = id, ChatId = id } } });
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
            await using var db = first.Db();
            var step = (await db.Conversations.SingleAsync(c => c.ChatId == Organizer)).Step;
            await Organize(() => telegram.EnqueueCallback(Organizer, FlowButtons.Data(step, value), telegram.SentTo(Organizer)[^1].MessageId), expect);
        }

        await Organize(() => telegram.EnqueueText(Organizer, "/announce"), Texts.AskAnnouncement);
        await Organize(() => telegram.EnqueueText(Organizer, "اجلاسیه پنجشنبه ساعت ۱۷ در فرمانداری"), Texts.AskAudience);
        await Press("all", "پیش‌نمایش اطلاعیه");
        await Press("send", Texts.AnnouncementQueued(60));

        // While it runs, a member's question is answered ahead of the queue.
        await telegram.WaitUntilAsync(t => t.Sent.Count(m => m.ChatId >= 20_000) >= 5, Wait);
        telegram.EnqueueText(20_001, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(20_001).Count >= 2, Wait);
        Assert.True(telegram.Sent.Count(m => m.ChatId >= 20_000) < 45, "the reply waited for the whole broadcast");

        // The bot stops in the middle and comes back.
        await first.StopAsync();
        var before = telegram.Sent.Count(m => m.ChatId >= 20_000) + bale.Sent.Count(m => m.ChatId >= 20_000);
        Assert.True(before < 60, $"the stop came too late ({before} sent)");
        await using var second = await BotTestHost.StartAsync(database, telegram, bale, settings: settings);

        var announcement = Texts.AnnouncementForMembers("مجمع بسیجیان شهرستان کاشان", "اجلاسیه پنجشنبه ساعت ۱۷ در فرمانداری");
        await telegram.WaitUntilAsync(t => t.Sent.Count(m => m.Text == announcement) >= 45, Wait);
        await bale.WaitUntilAsync(b => b.Sent.Count(m => m.Text == announcement) >= 15, Wait);
        await second.WaitUntilQuietAsync(Wait, telegram, bale);
        foreach (var (messenger, id) in members)
            Assert.Single((messenger == "bale" ? bale : telegram).SentTo(id), m => m.Text == announcement);

        await Eventually.StoredAsync(second, async db => await db.Outbox.CountAsync(o => o.BroadcastId != null && o.Status == OutboxStatus.Sent) == 60);
    }
}
