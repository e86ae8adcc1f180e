using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Pipeline;

/// <summary>Reads and writes the long-polling offset of each messenger.</summary>
public sealed class PollCursorStore(IDbContextFactory<BotDbContext> factory, TimeProvider time)
{
    public async Task<long> LoadAsync(string messenger, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.PollCursors.Where(c => c.Messenger == messenger).Select(c => (long?)c.NextOffset).SingleOrDefaultAsync(ct) ?? 0;
    }

    public async Task SaveAsync(string messenger, long nextOffset, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var cursor = await db.PollCursors.FindAsync([messenger], ct);
        if (cursor is null)
            db.PollCursors.Add(cursor = new PollCursor { Messenger = messenger });
        // Never move back: a late write of an older batch must not replay what is already confirmed.
        cursor.NextOffset = Math.Max(cursor.NextOffset, nextOffset);
        cursor.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
