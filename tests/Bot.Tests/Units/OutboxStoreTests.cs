using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The outbox component on a real database (SQLite, or PostgreSQL when BOT_TEST_POSTGRES is set): what a look picks
/// and claims, what each recorded outcome leaves on the row, and what the claim sweep settles.
/// </summary>
public sealed class OutboxStoreTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private const string Me = "host-a:1:me";

    private readonly TestDatabase _database = new();
    private ServiceProvider _services = null!;
    private IOutbox Outbox => _services.GetRequiredService<IOutbox>();

    public async Task InitializeAsync()
    {
        await using (var db = _database.Open()) await db.Database.MigrateAsync();
        _services = new ServiceCollection()
            .AddStorage(new StorageOptions { Provider = _database.Provider, ConnectionString = _database.ConnectionString })
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private async Task<long> RowAsync(long chatId, OutboxPriority priority = OutboxPriority.Interactive, OutboxStatus status = OutboxStatus.Pending,
        DateTime? notBefore = null, string? claimedBy = null, string messenger = "telegram", byte[]? file = null)
    {
        await using var db = _database.Open();
        var row = new OutboxMessage
        {
            Messenger = messenger, ChatId = chatId, ChatKind = ChatKind.Private, Priority = priority, Payload = $"{{\"to\":{chatId}}}",
            Status = status, CreatedAt = Now.AddMinutes(-1), NotBefore = notBefore ?? Now.AddMinutes(-1), ClaimedBy = claimedBy,
        };
        OutboxRows.Add(db, row, file is null ? null : new OutboxFile { Message = row, FileName = "a.xlsx", ContentType = "application/octet-stream", Bytes = file });
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<OutboxMessage> ReadAsync(long id)
    {
        await using var db = _database.Open();
        return await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    private async Task<IReadOnlyList<ClaimedRow>> ClaimAsync(params long[] ids)
    {
        await using var look = await Outbox.BeginLookAsync(CancellationToken.None);
        var claimed = await look.ClaimAsync(ids, Me, Now);
        await look.CommitAsync();
        return claimed;
    }

    [Fact]
    public async Task A_look_picks_the_first_due_row_of_each_chat_interactive_first_and_nothing_of_a_chat_being_sent()
    {
        var bulkFirst = await RowAsync(1, OutboxPriority.Bulk);
        var reply = await RowAsync(1);
        var other = await RowAsync(2);
        var secondOfChat2 = await RowAsync(2);
        await RowAsync(3, notBefore: Now.AddMinutes(5));
        await RowAsync(4, status: OutboxStatus.Sending, claimedBy: "host-b:2:other");
        await RowAsync(4);
        var bulkAlone = await RowAsync(5, OutboxPriority.Bulk);
        await RowAsync(6, messenger: "bale");

        await using (var look = await Outbox.BeginLookAsync(CancellationToken.None))
        {
            var all = await look.CandidatesAsync("telegram", OutboxPriority.Bulk, 64, Now);
            Assert.Equal([reply, other, bulkAlone], all.Select(c => c.Id));
            Assert.Equal(new OutboxCandidate(reply, 1, ChatKind.Private, OutboxPriority.Interactive, Now.AddMinutes(-1)), all[0]);

            var repliesOnly = await look.CandidatesAsync("telegram", OutboxPriority.Interactive, 64, Now);
            Assert.Equal([reply, other], repliesOnly.Select(c => c.Id));

            Assert.Equal([reply], (await look.CandidatesAsync("telegram", OutboxPriority.Bulk, 1, Now)).Select(c => c.Id));
        }

        // Claimed, a chat's row holds the chat's next one back until it is recorded.
        var claimed = await ClaimAsync(reply, other);
        Assert.Equal([reply, other], claimed.Select(c => c.Id).Order());
        Assert.Equal("{\"to\":1}", claimed.Single(c => c.Id == reply).Payload);
        var row = await ReadAsync(reply);
        Assert.Equal((OutboxStatus.Sending, Me, Now), (row.Status, row.ClaimedBy, row.ClaimedAt));

        await using (var look = await Outbox.BeginLookAsync(CancellationToken.None))
            Assert.Equal([bulkAlone], (await look.CandidatesAsync("telegram", OutboxPriority.Bulk, 64, Now)).Select(c => c.Id));

        // A row already claimed is not claimed again; the earlier bulk row of chat 1 and chat 2's second wait their turn.
        Assert.Empty(await ClaimAsync(reply));
        Assert.Equal(OutboxStatus.Pending, (await ReadAsync(bulkFirst)).Status);
        Assert.Equal(OutboxStatus.Pending, (await ReadAsync(secondOfChat2)).Status);
    }

    [Fact]
    public async Task A_look_that_is_not_committed_claims_nothing()
    {
        var id = await RowAsync(1);
        await using (var look = await Outbox.BeginLookAsync(CancellationToken.None))
            Assert.Single(await look.ClaimAsync([id], Me, Now));

        Assert.Equal(OutboxStatus.Pending, (await ReadAsync(id)).Status);
        Assert.Equal(id, Assert.Single(await ClaimAsync(id)).Id);
    }

    [Fact]
    public async Task Each_recorded_outcome_leaves_its_row_sent_waiting_unreachable_or_failed()
    {
        var sent = await RowAsync(1, file: [1, 2, 3]);
        var retried = await RowAsync(2);
        var blocked = await RowAsync(3);
        var failed = await RowAsync(4);
        var claimed = await ClaimAsync(sent, retried, blocked, failed);
        Assert.All(claimed, c => Assert.Equal(0, c.Attempts));
        Assert.Equal([1, 2, 3], await Outbox.FileAsync(sent, CancellationToken.None));

        await using (var look = await Outbox.BeginLookAsync(CancellationToken.None))
        {
            await look.RecordAsync("telegram",
            [
                new OutboxOutcome.Sent(sent, Now.AddSeconds(1), MessageId: 5501, WithFile: true),
                new OutboxOutcome.RetryAt(retried, Now.AddSeconds(30), Attempts: 1, "502: Bad Gateway"),
                new OutboxOutcome.Unreachable(blocked, 3, Now.AddSeconds(1), Attempts: 1, "Forbidden: bot was blocked by the user"),
                new OutboxOutcome.Failed(failed, Attempts: 1, "400: " + new string('x', 600)),
            ]);
            await look.CommitAsync();
        }

        var row = await ReadAsync(sent);
        Assert.Equal((OutboxStatus.Sent, 1, 5501L, Now.AddSeconds(1)), (row.Status, row.Attempts, row.SentMessageId, row.SentAt));
        row = await ReadAsync(retried);
        Assert.Equal((OutboxStatus.Pending, 1, Now.AddSeconds(30), "502: Bad Gateway"), (row.Status, row.Attempts, row.NotBefore, row.LastError));
        row = await ReadAsync(blocked);
        Assert.Equal((OutboxStatus.Unreachable, 1), (row.Status, row.Attempts));
        row = await ReadAsync(failed);
        Assert.Equal((OutboxStatus.Failed, 1, 500), (row.Status, row.Attempts, row.LastError!.Length));

        await using (var db = _database.Open())
        {
            Assert.False(await db.OutboxFiles.AnyAsync(), "the sent row's file is deleted with its record");
            Assert.Equal(Now.AddSeconds(1), (await db.Chats.SingleAsync(c => c.Messenger == "telegram" && c.ChatId == 3)).UnreachableSince);
        }

        // The waiting retry is due later; the blocked chat's next row is settled without a send.
        Assert.Equal([Now.AddSeconds(30)], await Outbox.WaitingRetriesAsync("telegram", Now, CancellationToken.None));
        var next = await RowAsync(3);
        await using (var look = await Outbox.BeginLookAsync(CancellationToken.None))
        {
            Assert.Equal([3L], await look.UnreachableChatsAsync("telegram", [1, 3]));
            await look.SettleUnreachableAsync([next], Now);
            await look.CommitAsync();
        }

        Assert.Equal(OutboxStatus.Unreachable, (await ReadAsync(next)).Status);
    }

    [Fact]
    public async Task The_sweep_puts_the_claims_of_dead_instances_back_in_their_place_and_leaves_a_live_ones()
    {
        await using (var db = _database.Open())
        {
            db.Instances.AddRange(
                new Instance { Id = "host-b:2:live", StartedAt = Now.AddHours(-1), SeenAt = Now.AddSeconds(-5) },
                new Instance { Id = "host-c:3:dead", StartedAt = Now.AddHours(-1), SeenAt = Now.AddMinutes(-2) },
                new Instance { Id = "host-d:4:long-dead", StartedAt = Now.AddDays(-2), SeenAt = Now.AddDays(-1) });
            await db.SaveChangesAsync();
        }

        var live = await RowAsync(1, status: OutboxStatus.Sending, claimedBy: "host-b:2:live");
        var dead = await RowAsync(2, status: OutboxStatus.Sending, claimedBy: "host-c:3:dead");
        var afterDead = await RowAsync(2); // queued behind it in its chat
        var unknown = await RowAsync(3, status: OutboxStatus.Sending);
        var pending = await RowAsync(4);

        var swept = await Outbox.SweepClaimsAsync(Me, alone: false, aliveSince: Now.AddSeconds(-30), forgetBefore: Now.AddMinutes(-10), CancellationToken.None);

        Assert.Equal(2, swept);
        Assert.Equal(OutboxStatus.Sending, (await ReadAsync(live)).Status);
        var put = await ReadAsync(dead);
        Assert.Equal((OutboxStatus.Pending, 1, null), (put.Status, put.Attempts, put.ClaimedBy)); // the cut-off send counts as an attempt
        Assert.Equal(OutboxStatus.Pending, (await ReadAsync(unknown)).Status);
        Assert.Equal(OutboxStatus.Pending, (await ReadAsync(pending)).Status);
        // Sent again before what its chat queued after it.
        await using (var look = await Outbox.BeginLookAsync(CancellationToken.None))
        {
            var candidates = (await look.CandidatesAsync("telegram", OutboxPriority.Bulk, 64, Now)).Select(c => c.Id).ToList();
            Assert.Equal([dead, unknown, pending], candidates);
            Assert.DoesNotContain(afterDead, candidates);
        }

        await using (var db = _database.Open())
            Assert.Equal(["host-b:2:live", "host-c:3:dead"], await db.Instances.Select(i => i.Id).OrderBy(i => i).ToListAsync());

        // Alone on the database, every claimer but this instance is dead, whatever its heartbeat says.
        var mine = await RowAsync(5, status: OutboxStatus.Sending, claimedBy: Me);
        Assert.Equal(1, await Outbox.SweepClaimsAsync(Me, alone: true, aliveSince: Now, forgetBefore: Now.AddDays(-7), CancellationToken.None));
        Assert.Equal(OutboxStatus.Pending, (await ReadAsync(live)).Status);
        Assert.Equal(OutboxStatus.Sending, (await ReadAsync(mine)).Status);
    }

    [Fact]
    public async Task The_gauges_count_the_waiting_rows_of_each_messenger_and_the_oldest()
    {
        await RowAsync(1);
        await RowAsync(2, status: OutboxStatus.Sending, claimedBy: Me);
        await RowAsync(3, status: OutboxStatus.Sent);
        await RowAsync(4, messenger: "bale");

        var depths = (await Outbox.DepthsAsync(CancellationToken.None)).OrderBy(d => d.Messenger, StringComparer.Ordinal).ToList();

        Assert.Equal([new OutboxDepth("bale", 1, Now.AddMinutes(-1)), new OutboxDepth("telegram", 2, Now.AddMinutes(-1))], depths);
    }
}
