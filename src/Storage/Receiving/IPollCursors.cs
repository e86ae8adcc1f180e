namespace Assembly.Storage.Receiving;

/// <summary>
/// The <c>PollCursors</c> table: where long polling resumes for each messenger. When a cursor moves is the
/// caller's; this is only how it is read and written.
/// </summary>
public interface IPollCursors
{
    /// <summary>The stored next offset of <paramref name="messenger"/>, or null when none is stored.</summary>
    Task<long?> ReadAsync(string messenger, CancellationToken ct);

    /// <summary>
    /// Inside the caller's transaction: the stored next offset, the row made first (at 0) when there is none. The row
    /// is then tracked by <paramref name="db"/>, for <see cref="Write"/>.
    /// </summary>
    Task<long> ReadForUpdateAsync(BotDbContext db, string messenger, DateTime now, CancellationToken ct);

    /// <summary>Sets the cursor read by <see cref="ReadForUpdateAsync"/>; saved by the caller's next SaveChanges.</summary>
    void Write(BotDbContext db, string messenger, long nextOffset, DateTime now);
}
