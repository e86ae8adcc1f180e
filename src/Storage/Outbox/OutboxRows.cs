using Assembly.Storage.Entities;

namespace Assembly.Storage.Outbox;

/// <summary>
/// Writes outbox rows, inside the caller's unit of work (the turn, the scheduler's run), which commits them with the
/// change that caused them. The same on both providers. Conversations' <c>OutboxWriter</c> makes the rows from
/// outgoing messages and hands them here.
/// </summary>
public static class OutboxRows
{
    /// <summary>One row, through the change tracker; saved by the caller's next SaveChanges.</summary>
    public static void Add(BotDbContext db, OutboxMessage row, OutboxFile? file)
    {
        db.Outbox.Add(row);
        if (file is not null) db.OutboxFiles.Add(file);
    }

    /// <summary>
    /// Many rows at once, in their order, written straight away with multi-row INSERTs (<see cref="RowInserter"/>): for
    /// the end of a lane, where nothing reads the rows back. Rows without files only; a file must be linked to the key
    /// its row is given, which <see cref="Add"/> does.
    /// </summary>
    public static Task AddAllAsync(BotDbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken ct) =>
        RowInserter.InsertAsync(db, rows, ct);
}
