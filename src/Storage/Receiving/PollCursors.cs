using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage.Receiving;

/// <summary>The poll cursors on either provider (<see cref="IPollCursors"/>).</summary>
public sealed class PollCursors(IDbContextFactory<BotDbContext> factory) : IPollCursors
{
    public async Task<long?> ReadAsync(string messenger, CancellationToken ct)
    {
        // Read before the first poll, so in plain SQL (RawSql says why).
        await using var db = await factory.CreateDbContextAsync(ct);
        var offsets = await RawSql.QueryAsync(db, "SELECT \"NextOffset\" FROM \"PollCursors\" WHERE \"Messenger\" = {0}", [messenger],
            r => r.GetInt64(0), ct);
        return offsets.Count == 0 ? null : offsets[0];
    }

    /// <summary>Compiled: the cursor is read in every batch's transaction, under the write lock (<see cref="PerModel{TSet}"/> says why).</summary>
    private sealed class Queries
    {
        public readonly Func<BotDbContext, string, CancellationToken, Task<PollCursor?>> Cursor = EF.CompileAsyncQuery(
            (BotDbContext db, string messenger, CancellationToken ct) => db.PollCursors.SingleOrDefault(c => c.Messenger == messenger));
    }

    public async Task<long> ReadForUpdateAsync(BotDbContext db, string messenger, DateTime now, CancellationToken ct)
    {
        var cursor = await PerModel<Queries>.For(db).Cursor(db, messenger, ct);
        if (cursor is null)
        {
            // Made by whoever comes first. Added through the change tracker, two transactions at once (two lanes of a
            // new database's first batch on PostgreSQL) would both insert it, and the loser's updates would fail.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"PollCursors\" (\"Messenger\", \"NextOffset\", \"UpdatedAt\") VALUES ({0}, 0, {1}) ON CONFLICT DO NOTHING",
                [messenger, now], ct);
            cursor = await db.PollCursors.FindAsync([messenger], ct) ?? throw new InvalidOperationException("The poll cursor was not created.");
        }

        return cursor.NextOffset;
    }

    public void Write(BotDbContext db, string messenger, long nextOffset, DateTime now)
    {
        var cursor = db.PollCursors.Local.FirstOrDefault(c => c.Messenger == messenger)
            ?? throw new InvalidOperationException("The poll cursor is written only after it was read for update.");
        cursor.NextOffset = nextOffset;
        cursor.UpdatedAt = now;
    }
}
