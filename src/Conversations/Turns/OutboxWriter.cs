using Assembly.Conversations.Messages;
using Assembly.Storage;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Turns;

/// <summary>The one way a message enters the outbox, whoever sends it (a turn, the scheduler, a broadcast).</summary>
public static class OutboxWriter
{
    public static OutboxMessage Enqueue(BotDbContext db, OutgoingMessage message, DateTime now)
    {
        var row = Row(message, now);
        db.Outbox.Add(row);
        if (message is UploadMessage upload)
            db.OutboxFiles.Add(new OutboxFile { Message = row, FileName = upload.FileName, ContentType = upload.ContentType, Bytes = upload.Content });
        return row;
    }

    /// <summary>
    /// Many messages at once, in their order, written straight away with multi-row INSERTs (<see cref="RowInserter"/>):
    /// for the end of a lane, where nothing reads the rows back. A batch with a file goes through the change tracker
    /// instead, which links the file to the key its row is given (files are rare: a statistics export now and then).
    /// </summary>
    public static async Task EnqueueAllAsync(BotDbContext db, IReadOnlyList<(OutgoingMessage Message, DateTime At)> messages, CancellationToken ct)
    {
        if (messages.Any(m => m.Message is UploadMessage))
        {
            foreach (var (message, at) in messages) Enqueue(db, message, at);
            await db.SaveChangesAsync(ct);
            return;
        }

        await RowInserter.InsertAsync(db, messages.Select(m => Row(m.Message, m.At)).ToList(), ct);
    }

    private static OutboxMessage Row(OutgoingMessage message, DateTime now) => new()
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
    };
}
