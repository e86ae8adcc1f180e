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
