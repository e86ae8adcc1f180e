using Assembly.Storage;
using Assembly.Storage.Receiving;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// The long-polling offset of each messenger (stored by <see cref="IPollCursors"/>). It is written inside the
/// transactions that store updates (no commit of its own), so it may lag one batch behind what the server has been
/// told; that is harmless, because an update handed over again finds its processed marker and is skipped. It holds
/// what the receiver confirmed, which may be lower than before (<see cref="Receiving.PollingReceiver"/>): never
/// higher than the last update id received plus one.
/// </summary>
public sealed class PollCursorStore(IPollCursors cursors, WriteGate gate, TimeProvider time)
{
    public async Task<long> LoadAsync(string messenger, CancellationToken ct) => await cursors.ReadAsync(messenger, ct) ?? 0;

    /// <summary>Sets the cursor to the offset the receiver confirmed, within the caller's transaction; back as well as forward.</summary>
    public async Task RecordAsync(BotDbContext db, string messenger, long nextOffset, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (nextOffset == await cursors.ReadForUpdateAsync(db, messenger, now, ct)) return;
        cursors.Write(db, messenger, nextOffset, now);
    }

    /// <summary>On a clean stop: the exact offset, so the next start asks for nothing already handled.</summary>
    public async Task SaveAsync(string messenger, long nextOffset, CancellationToken ct)
    {
        await using var write = await gate.EnterAsync(ct);
        var db = write.Db;
        await RecordAsync(db, messenger, nextOffset, ct);
        await db.SaveChangesAsync(ct);
    }
}
