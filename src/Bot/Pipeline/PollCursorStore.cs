using Assembly.Storage;
using Assembly.Storage.Receiving;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// The long-polling offset of each messenger (stored by <see cref="IPollCursors"/>). It is written inside the
/// transactions that store updates (no commit of its own), so it may lag one batch behind what the server has been
/// told; that is harmless, because an update handed over again finds its processed marker and is skipped.
/// </summary>
public sealed class PollCursorStore(IPollCursors cursors, WriteGate gate, TimeProvider time)
{
    public async Task<long> LoadAsync(string messenger, CancellationToken ct) => await cursors.ReadAsync(messenger, ct) ?? 0;

    /// <summary>Moves the cursor forward (never back) within the caller's transaction.</summary>
    public async Task AdvanceAsync(BotDbContext db, string messenger, long nextOffset, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (nextOffset <= await cursors.ReadForUpdateAsync(db, messenger, now, ct)) return;
        cursors.Write(db, messenger, nextOffset, now);
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
