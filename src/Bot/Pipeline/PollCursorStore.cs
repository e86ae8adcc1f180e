using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// The long-polling offset of each messenger. It is written inside the transactions that store updates
/// (no commit of its own), so it may lag one batch behind what the server has been told; that is harmless,
/// because an update handed over again finds its processed marker and is skipped.
/// </summary>
public sealed class PollCursorStore(IDbContextFactory<BotDbContext> factory, WriteGate gate, TimeProvider time)
{
    public async Task<long> LoadAsync(string messenger, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.PollCursors.Where(c => c.Messenger == messenger).Select(c => (long?)c.NextOffset).SingleOrDefaultAsync(ct) ?? 0;
    }

    /// <summary>Moves the cursor forward (never back) within the caller's transaction.</summary>
    public async Task AdvanceAsync(BotDbContext db, string messenger, long nextOffset, CancellationToken ct)
    {
        var cursor = await db.PollCursors.FindAsync([messenger], ct);
        if (cursor is null)
        {
            // Made by whoever comes first. Added through the change tracker, two transactions at once (two lanes of a
            // new database's first batch on PostgreSQL) would both insert it, and the loser's updates would fail.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"PollCursors\" (\"Messenger\", \"NextOffset\", \"UpdatedAt\") VALUES ({0}, 0, {1}) ON CONFLICT DO NOTHING",
                [messenger, time.GetUtcNow().UtcDateTime], ct);
            cursor = await db.PollCursors.FindAsync([messenger], ct) ?? throw new InvalidOperationException("The poll cursor was not created.");
        }

        if (nextOffset <= cursor.NextOffset) return;
        cursor.NextOffset = nextOffset;
        cursor.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>On a clean stop: the exact offset, so the next start asks for nothing already handled.</summary>
    public async Task SaveAsync(string messenger, long nextOffset, CancellationToken ct)
    {
        await using var write = await gate.EnterAsync(ct);
        var db = write.Db;
        await AdvanceAsync(db, messenger, nextOffset, ct);
        await db.SaveChangesAsync(ct);
    }
}
