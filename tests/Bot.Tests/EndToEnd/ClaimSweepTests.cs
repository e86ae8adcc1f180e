using Assembly.Bot.Coordination;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Outbox rows claimed (Sending) by an instance that is gone are sent again, in their place in their chat's order: the
/// message may have arrived, and a second copy is better than none.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ClaimSweepTests
{
    private static readonly string Help = Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان");

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
    public async Task A_send_cut_off_by_the_death_of_the_only_instance_is_sent_again_at_the_restart_before_what_its_chat_got_later()
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

        telegram.EnqueueText(9301, "/help"); // its answer is queued behind the cut-off row of its chat
        await using var second = await BotTestHost.StartAsync(database, telegram);
        await telegram.WaitUntilAsync(t => t.SentTo(9301).Count >= 2 && t.SentTo(9302).Count >= 1, TimeSpan.FromSeconds(20));
        await second.WaitUntilQuietAsync(TimeSpan.FromSeconds(20), telegram);

        Assert.Equal(["in flight to 9301", Help], telegram.SentTo(9301).Select(m => m.Text));
        Assert.Equal(["in flight to 9302"], telegram.SentTo(9302).Select(m => m.Text));
        await using var check = second.Db();
        foreach (var id in new[] { mine, legacy })
        {
            var row = await check.Outbox.SingleAsync(o => o.Id == id);
            Assert.Equal((OutboxStatus.Sent, 2), (row.Status, row.Attempts)); // the cut-off try, then this one
        }
    }

    [PostgresFact]
    public async Task Rows_claimed_by_an_instance_with_a_stale_heartbeat_are_sent_again_and_a_live_instances_are_left_alone()
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

        await telegram.WaitUntilAsync(t => t.SentTo(9311).Count >= 1, TimeSpan.FromSeconds(20));
        await Eventually.StoredAsync(bot, async db => (await db.Outbox.SingleAsync(o => o.Id == dead)).Status == OutboxStatus.Sent);
        await using (var check = bot.Db())
            // Still claimed by its live instance, so no sender here may take it.
            Assert.Equal(OutboxStatus.Sending, (await check.Outbox.SingleAsync(o => o.Id == live)).Status);
        Assert.Equal(["in flight to 9311"], telegram.Sent.Select(m => m.Text));
    }
}
