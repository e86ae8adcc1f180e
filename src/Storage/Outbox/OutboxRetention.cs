using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage.Outbox;

/// <summary>
/// How long the outbox keeps what it sent. A settled row (sent, failed, unreachable, or uncertain from earlier versions) keeps for good what
/// links the message to its report: messenger, chat, the messenger's message id, subject and action, status, times.
/// A staff member's reply to an old post still finds its report through them. Its text goes once it is old enough.
/// Files the bot made are deleted as soon as they are sent (<see cref="IOutboxLook.RecordAsync"/>). Purging also deletes a file whose
/// send failed, since nothing will upload it again.
/// </summary>
public static class OutboxRetention
{
    /// <summary>
    /// Empties the payloads of up to <paramref name="batch"/> settled rows made before <paramref name="before"/>, with
    /// ids above <paramref name="afterId"/>, oldest first. Returns how many it emptied and the last id it looked at,
    /// for the next batch to start after. Age is counted from when a row was made: a row settles within two days of
    /// that (a send is given up by age), and <c>CreatedAt</c> is set on every row, where <c>SentAt</c> is not.
    /// Rows are walked by their key, so one run reads each row once. A row already emptied is read again by the next
    /// run, but it is small by then.
    /// </summary>
    /// <param name="emptyPayload">The form an emptied payload takes: one the payload's reader still accepts.</param>
    public static async Task<(int Purged, long LastId)> PurgeBatchAsync(BotDbContext db, DateTime before, string emptyPayload, long afterId, int batch,
        CancellationToken ct)
    {
        var ids = await db.Outbox.AsNoTracking()
            .Where(o => o.Id > afterId && o.Status >= OutboxStatus.Sent && o.CreatedAt < before && o.Payload != emptyPayload)
            .OrderBy(o => o.Id).Take(batch).Select(o => o.Id)
            .ToListAsync(ct);
        if (ids.Count == 0) return (0, afterId);
        await EmptyAsync(db, ids, emptyPayload, ct);
        return (ids.Count, ids[^1]);
    }

    /// <summary>Empties the payloads of these rows and deletes their files, in the caller's transaction.</summary>
    public static async Task EmptyAsync(BotDbContext db, IReadOnlyCollection<long> ids, string emptyPayload, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await db.Outbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.Payload, emptyPayload), ct);
        await db.OutboxFiles.Where(f => ids.Contains(f.OutboxMessageId)).ExecuteDeleteAsync(ct);
    }
}
