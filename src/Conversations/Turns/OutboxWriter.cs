using Assembly.Conversations.Messages;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;

namespace Assembly.Conversations.Turns;

/// <summary>
/// The one way a message enters the outbox, whoever sends it (a turn, the scheduler, a broadcast): makes its row and
/// hands it to the outbox (<see cref="OutboxRows"/>).
/// </summary>
public static class OutboxWriter
{
    public static OutboxMessage Enqueue(BotDbContext db, OutgoingMessage message, DateTime now)
    {
        var row = Row(message, now);
        OutboxRows.Add(db, row, message is UploadMessage upload
            ? new OutboxFile { Message = row, FileName = upload.FileName, ContentType = upload.ContentType, Bytes = upload.Content }
            : null);
        return row;
    }

    /// <summary>
    /// Many messages at once, in their order, written straight away (<see cref="OutboxRows.AddAllAsync"/>): for the end
    /// of a lane, where nothing reads the rows back. A batch with a file goes through the change tracker instead, which
    /// links the file to the key its row is given (files are rare: a statistics export now and then).
    /// </summary>
    public static async Task EnqueueAllAsync(BotDbContext db, IReadOnlyList<(OutgoingMessage Message, DateTime At)> messages, CancellationToken ct)
    {
        if (messages.Any(m => m.Message is UploadMessage))
        {
            foreach (var (message, at) in messages) Enqueue(db, message, at);
            await db.SaveChangesAsync(ct);
            return;
        }

        await OutboxRows.AddAllAsync(db, messages.Select(m => Row(m.Message, m.At)).ToList(), ct);
    }

    /// <summary>The row for a message, not yet added anywhere.</summary>
    public static OutboxMessage Row(OutgoingMessage message, DateTime now) => new()
    {
        Messenger = message.To.Messenger,
        ChatId = message.To.ChatId,
        ChatKind = message.ToKind,
        Priority = message.Priority,
        Payload = OutgoingJson.Write(message),
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NotBefore = now,
        Subject = message.Subject,
        SubjectAction = message.SubjectAction,
        BroadcastId = message.BroadcastId,
        CausedBy = message.CausedBy?.ToString(),
    };
}
