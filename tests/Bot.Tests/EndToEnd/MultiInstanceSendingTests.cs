using Assembly.Bot.Coordination;
using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>Two instances draining one outbox on one PostgreSQL database.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class MultiInstanceSendingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>A short lease, so the tests see takeovers and sweeps in seconds.</summary>
    internal static readonly Dictionary<string, string?> Quick = new()
    {
        ["Instances:LeaseSeconds"] = "3",
        ["Scheduler:IntervalSeconds"] = "1",
    };

    internal static string IdOf(BotTestHost host) => host.Services.GetRequiredService<InstanceIdentity>().Id;

    internal static bool Holds(BotTestHost host) => host.Services.GetRequiredService<SchedulerLease>().IsHeld;

    [PostgresFact]
    public async Task Two_instances_send_2000_replies_to_200_chats_each_once_in_each_chats_order_and_share_the_work()
    {
        using var database = new TestDatabase();
        // Each send takes 0 to 20 ms to take effect: a chat's next message sent before the last one is done could overtake it.
        await using var telegram = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Latency = () => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 20)) });
        await using var first = await BotTestHost.StartAsync(database, telegram, settings: Quick);
        await using var second = await BotTestHost.StartAsync(database, telegram, settings: Quick);

        const int chats = 200, perChat = 10;
        await using (var db = first.Db())
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            // Interleaved, as replies to many members arrive: chat 0's first, chat 1's first, … then everyone's second.
            for (var n = 0; n < perChat; n++)
                for (var chat = 0; chat < chats; chat++)
                    OutboxWriter.Enqueue(db, new TextMessage($"{chat}:{n}") { To = new ChatAddress("telegram", 70_000 + chat), ToKind = ChatKind.Private }, now);
            await db.SaveChangesAsync();
        }

        first.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
        second.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
        await telegram.WaitUntilAsync(t => t.Sent.Count >= chats * perChat, Wait);
        await first.WaitUntilQuietAsync(Wait, telegram);

        Assert.Equal(chats * perChat, telegram.Sent.Count);
        Assert.Equal(chats * perChat, telegram.Sent.Select(m => m.Text).Distinct().Count());
        for (var chat = 0; chat < chats; chat++)
            Assert.Equal(Enumerable.Range(0, perChat).Select(n => $"{chat}:{n}"), telegram.SentTo(70_000 + chat).Select(m => m.Text));

        await Eventually.StoredAsync(first, async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent) == chats * perChat);
        await using var check = first.Db();
        var byInstance = await check.Outbox.GroupBy(o => o.ClaimedBy).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? "", g => g.Count);
        Assert.True(byInstance.GetValueOrDefault(IdOf(first)) > 0 && byInstance.GetValueOrDefault(IdOf(second)) > 0,
            $"one instance did all the work: {string.Join(", ", byInstance.Select(p => $"{p.Key}={p.Value}"))}");
    }

    [PostgresFact]
    public async Task Bulk_messages_are_sent_only_by_the_lease_holder_and_each_chats_reply_goes_before_its_bulk_message()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var settings = new Dictionary<string, string?>(Quick) { ["Messengers:Telegram:Limits:BulkPerSecond"] = "100" };
        await using var first = await BotTestHost.StartAsync(database, telegram, settings: settings);
        await using var second = await BotTestHost.StartAsync(database, telegram, settings: settings);
        Assert.True(Holds(first) ^ Holds(second), "exactly one instance holds the lease");
        var holder = Holds(first) ? IdOf(first) : IdOf(second);

        const int chats = 150;
        await using (var db = first.Db())
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            for (var chat = 0; chat < chats; chat++)
            {
                var to = new ChatAddress("telegram", 80_000 + chat);
                OutboxWriter.Enqueue(db, new TextMessage($"bulk {chat}") { To = to, ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk }, now);
                OutboxWriter.Enqueue(db, new TextMessage($"reply {chat}") { To = to, ToKind = ChatKind.Private }, now);
            }

            await db.SaveChangesAsync();
        }

        first.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
        second.Services.GetRequiredService<OutboxSignal>().Wake("telegram");
        await telegram.WaitUntilAsync(t => t.Sent.Count >= 2 * chats, Wait);
        await Eventually.StoredAsync(first, async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent) == 2 * chats);

        await using var check = first.Db();
        var bulkBy = await check.Outbox.Where(o => o.Priority == OutboxPriority.Bulk).Select(o => o.ClaimedBy).Distinct().ToListAsync();
        Assert.Equal([holder], bulkBy);
        Assert.Equal(2 * chats, telegram.Sent.Select(m => m.Text).Distinct().Count());
        for (var chat = 0; chat < chats; chat++)
            Assert.Equal([$"reply {chat}", $"bulk {chat}"], telegram.SentTo(80_000 + chat).Select(m => m.Text));
    }
}
