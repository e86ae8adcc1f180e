using Assembly.Storage.Configuration;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage.Outbox;

/// <summary>The outbox on the configured provider (<see cref="IOutbox"/>).</summary>
public sealed class OutboxStore(IDbContextFactory<BotDbContext> factory, WriteGate gate, StorageOptions options) : IOutbox
{
    private readonly OutboxStatements _sql = OutboxStatements.For(options.Provider);

    public async Task<IOutboxLook> BeginLookAsync(CancellationToken ct)
    {
        var write = await gate.EnterAsync(ct);
        try
        {
            var tx = await write.Db.Database.BeginTransactionAsync(ct);
            return new OutboxLook(write, tx, _sql);
        }
        catch
        {
            await write.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<DateTime>> WaitingRetriesAsync(string messenger, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OutboxMessageConfiguration.WhereUnsettled(db.Outbox.AsNoTracking())
            .Where(o => o.Messenger == messenger && o.Status == OutboxStatus.Pending && o.NotBefore > now)
            .Select(o => o.NotBefore).Distinct().ToListAsync(ct);
    }

    public async Task<byte[]> FileAsync(long rowId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.OutboxFiles.AsNoTracking().Where(f => f.OutboxMessageId == rowId).Select(f => f.Bytes).SingleAsync(ct);
    }

    public async Task<int?> TopicAsync(string messenger, long chatId, string subject, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ReportPosts.AsNoTracking()
            .Where(p => p.Messenger == messenger && p.ChatId == chatId && p.ThreadId != null)
            .Join(db.Reports.Where(r => r.Code == subject), p => p.ReportId, r => r.Id, (p, _) => p.ThreadId)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<int> SweepClaimsAsync(string me, bool alone, DateTime aliveSince, DateTime forgetBefore, CancellationToken ct)
    {
        await using var write = await gate.EnterAsync(ct);
        var db = write.Db;
        // Among the unsettled rows, so from the sender's small partial index, not the table.
        var claimed = OutboxMessageConfiguration.WhereUnsettled(db.Outbox).Where(o => o.Status == OutboxStatus.Sending);
        var abandoned = alone
            ? claimed.Where(o => o.ClaimedBy == null || o.ClaimedBy != me)
            : claimed.Where(o => o.ClaimedBy == null || !db.Instances.Any(i => i.Id == o.ClaimedBy && i.SeenAt >= aliveSince));
        // Back to pending with its id, so with its place in its chat's order; the send that was cut off counts as an attempt.
        var count = await abandoned.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.ClaimedBy, (string?)null)
            .SetProperty(o => o.LastError, "in flight when its instance stopped; sent again"), ct);

        // Long-dead instances' rows, once their claims are settled above; a live one that was only stalled writes its row again.
        await db.Instances.Where(i => i.SeenAt < forgetBefore && i.Id != me).ExecuteDeleteAsync(ct);
        return count;
    }

    public async Task<IReadOnlyList<OutboxDepth>> DepthsAsync(CancellationToken ct)
    {
        // A read only: it takes no part in the write gate. The unsettled rows are pending or being sent: read from the
        // sender's partial index, not the whole table.
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OutboxMessageConfiguration.WhereUnsettled(db.Outbox.AsNoTracking())
            .GroupBy(o => o.Messenger)
            .Select(g => new OutboxDepth(g.Key, g.LongCount(), g.Min(o => o.CreatedAt)))
            .ToListAsync(ct);
    }

    public async Task<(int Purged, long LastId)> PurgeBatchAsync(DateTime before, string emptyPayload, long afterId, int batch, CancellationToken ct)
    {
        await using var write = await gate.EnterAsync(ct);
        var db = write.Db;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await OutboxRetention.PurgeBatchAsync(db, before, emptyPayload, afterId, batch, ct);
        await tx.CommitAsync(ct);
        return result;
    }
}
