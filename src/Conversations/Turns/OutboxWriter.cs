using Assembly.Conversations.Messages;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;

namespace Assembly.Conversations.Turns;

/// <summary>
/// The one way a message enters the outbox, whoever sends it (a turn, the scheduler, a broadcast): makes its row and
/// hands it to the outbox (<see cref="OutboxRows"/>). Each message is first fitted to the messengers' limits
/// (<see cref="MessageLimits"/>), so what is written can be sent.
/// </summary>
public static class OutboxWriter
{
    /// <summary>Writes the message (in parts, when it is too long for one); returns the row of its last part.</summary>
    public static OutboxMessage Enqueue(BotDbContext db, OutgoingMessage message, DateTime now) => EnqueueParts(db, message, now)[^1].Row;

    /// <summary>Writes the message and says how it was written: each part as it will be sent, with its row.</summary>
    public static IReadOnlyList<(OutgoingMessage Part, OutboxMessage Row)> EnqueueParts(BotDbContext db, OutgoingMessage message, DateTime now)
    {
        var written = new List<(OutgoingMessage, OutboxMessage)>();
        foreach (var part in MessageLimits.Fit(message))
        {
            var row = Row(part, now);
            OutboxRows.Add(db, row, part is UploadMessage upload
                ? new OutboxFile { Message = row, FileName = upload.FileName, ContentType = upload.ContentType, Bytes = upload.Content }
                : null);
            written.Add((part, row));
        }

        return written;
    }

    /// <summary>
    /// Many messages at once, in their order, written straight away (<see cref="OutboxRows.AddAllAsync"/>): for the end
    /// of a lane, where nothing reads the rows back. A batch with a file goes through the change tracker instead, which
    /// links the file to the key its row is given (files are rare: a statistics export now and then).
    /// </summary>
    public static async Task EnqueueAllAsync(BotDbContext db, IReadOnlyList<(OutgoingMessage Message, DateTime At)> messages, CancellationToken ct)
    {
        messages = Staff.CardEdits.OnePerBatch(Staff.AdditionPosts.OnePerBatch(Flows.AlbumReceipt.LastOfEachAlbum(messages).ToList()));
        if (messages.Any(m => m.Message is UploadMessage))
        {
            foreach (var (message, at) in messages) Enqueue(db, message, at);
            await db.SaveChangesAsync(ct);
            return;
        }

        await OutboxRows.AddAllAsync(db, messages.SelectMany(m => MessageLimits.Fit(m.Message).Select(part => Row(part, m.At))).ToList(), ct);
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
