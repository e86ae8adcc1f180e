using Assembly.Bot.Coordination;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>Outbox rows claimed (Sending) by an instance that is gone are settled as Uncertain, never sent again.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ClaimSweepTests
{
    private static async Task<long> ClaimedRowAsync(BotDbContext db, long chatId, string? claimedBy)
    {
        var row = OutboxWriter.Enqueue(db, new TextMessage($"in flight to {chatId}") { To = new ChatAddress("telegram", chatId), ToKind = ChatKind.Private },
            TimeProvider.System.GetUtcNow().UtcDateTime);
        row.Status = OutboxStatus.Sending;
        row.ClaimedBy = claimedBy;
        row.ClaimedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return row.Id;
    }

    [Fact]
    public async Task A_send_interrupted_by_the_stop_of_the_only_instance_is_marked_uncertain_at_the_restart_and_never_sent()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var first = await BotTestHost.StartAsync(database, telegram);
        var gone = MultiInstanceSendingTests.IdOf(first);
        await first.StopAsync();

        // What a process that died mid-send leaves: a claimed row, and one claimed before claimers were recorded.
        long mine, legacy;
        await using (var db = database.Open())
        {
            mine = await ClaimedRowAsync(db, 9301, gone);
            legacy = await ClaimedRowAsync(db, 9302, null);
        }

        await using var second = await BotTestHost.StartAsync(database, telegram);
        await Eventually.StoredAsync(second, async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Uncertain) == 2);
        telegram.EnqueueText(9301, "/help"); // the chat is not held up by its uncertain row
        await telegram.WaitUntilAsync(t => t.SentTo(9301).Count >= 1, TimeSpan.FromSeconds(20));
        await second.WaitUntilQuietAsync(TimeSpan.FromSeconds(20), telegram);
        Assert.DoesNotContain(telegram.Sent, m => m.Text!.StartsWith("in flight", StringComparison.Ordinal));
        await using var check = second.Db();
        Assert.Equal(OutboxStatus.Uncertain, (await check.Outbox.SingleAsync(o => o.Id == mine)).Status);
        Assert.Equal(OutboxStatus.Uncertain, (await check.Outbox.SingleAsync(o => o.Id == legacy)).Status);
    }

    [PostgresFact]
    public async Task Rows_claimed_by_an_instance_with_a_stale_heartbeat_become_uncertain_and_a_live_instances_are_left_alone()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: MultiInstanceSendingTests.Quick);
        var sweep = bot.Services.GetRequiredService<ClaimSweep>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        long dead, live;
        await using (var db = bot.Db())
        {
            // Heartbeats: one 10 s old (the lease time is 3 s), one just now.
            db.Instances.AddRange(
                new Instance { Id = "dead-host-1-aaaaaa", StartedAt = now.AddMinutes(-5), SeenAt = now.AddSeconds(-10) },
                new Instance { Id = "live-host-2-bbbbbb", StartedAt = now.AddMinutes(-5), SeenAt = now.AddSeconds(1) });
            await db.SaveChangesAsync();
            dead = await ClaimedRowAsync(db, 9311, "dead-host-1-aaaaaa");
            live = await ClaimedRowAsync(db, 9312, "live-host-2-bbbbbb");
        }

        Assert.True(MultiInstanceSendingTests.Holds(bot));
        await sweep.RunOnceAsync(CancellationToken.None);

        await using (var check = bot.Db())
        {
            Assert.Equal(OutboxStatus.Uncertain, (await check.Outbox.SingleAsync(o => o.Id == dead)).Status);
            Assert.Equal(OutboxStatus.Sending, (await check.Outbox.SingleAsync(o => o.Id == live)).Status);
        }

        await Task.Delay(500);
        Assert.Empty(telegram.Sent);
    }
}
