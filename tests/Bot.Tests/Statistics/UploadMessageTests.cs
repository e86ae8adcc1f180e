using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Statistics;

/// <summary>A file the bot made travels as an outbox row (JSON without the bytes) and an OutboxFiles row (the bytes).</summary>
public sealed class UploadMessageTests
{
    [Fact]
    public async Task The_bytes_stay_out_of_the_payload_and_are_stored_beside_the_row_in_the_same_save()
    {
        using var chat = new ChatHarness();
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var upload = new UploadMessage(UploadKind.Document, "reports-1405-08.csv", "text/csv", "مسئله‌های آبان") { Content = bytes, To = new ChatAddress("telegram", 42), ToKind = ChatKind.Private };

        long id;
        await using (var db = chat.Db())
        {
            var row = OutboxWriter.Enqueue(db, upload, chat.Now);
            await db.SaveChangesAsync();
            id = row.Id;
            Assert.DoesNotContain("\"Content\"", row.Payload);
            Assert.True(row.Payload.Length < 300, row.Payload);
        }

        await using (var db = chat.Db())
        {
            var row = await db.Outbox.SingleAsync(o => o.Id == id);
            var read = Assert.IsType<UploadMessage>(OutgoingJson.Read(row.Payload));
            Assert.Equal((UploadKind.Document, "reports-1405-08.csv", "text/csv", "مسئله‌های آبان"), (read.Kind, read.FileName, read.ContentType, read.Caption));
            Assert.Empty(read.Content);
            var file = await db.OutboxFiles.SingleAsync(f => f.OutboxMessageId == id);
            Assert.Equal(bytes, file.Bytes);
        }
    }
}
