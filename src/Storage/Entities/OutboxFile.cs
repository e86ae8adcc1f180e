namespace Assembly.Storage.Entities;

/// <summary>
/// The bytes of a file the bot made (a chart, a spreadsheet) for one outbox row, written in the same
/// transaction as the row and read by the sender just before it uploads. Kept out of the row itself so the
/// sender's frequent queries over the outbox never read blobs; one file per row, keyed by the row's id.
/// </summary>
public sealed class OutboxFile
{
    public long OutboxMessageId { get; init; }
    public OutboxMessage? Message { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Bytes { get; init; }
}
