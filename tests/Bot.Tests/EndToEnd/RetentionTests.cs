using Assembly.Bot.Scheduling;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The retention job of the real host, on a fake clock: old settled rows lose their text, in batches.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class RetentionTests
{
    [Fact]
    public async Task Settled_rows_older_than_thirty_days_lose_their_text_and_files_and_keep_their_links()
    {
        using var database = new TestDatabase();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, clock: clock);
        var purger = bot.Services.GetRequiredService<OutboxPurger>();
        await Eventually.TrueAsync(() => purger.Turns >= 1); // its run at start is over before the rows are written

        var now = clock.GetUtcNow().UtcDateTime;
        OutboxMessage Row(long chat, OutboxStatus status, int daysOld, string text, string? subject = null, long? sentId = null) => new()
        {
            Messenger = "telegram", ChatId = chat, Status = status, Payload = OutgoingJson.Write(new TextMessage(text)),
            CreatedAt = now.AddDays(-daysOld), NotBefore = now.AddDays(-daysOld), SentAt = status == OutboxStatus.Sent ? now.AddDays(-daysOld) : null,
            SentMessageId = sentId, Subject = subject, SubjectAction = subject is null ? null : "post",
        };

        var post = Row(-100200, OutboxStatus.Sent, 31, "مسئله تازه RJ-1001، گزارش‌دهنده: زهرا احمدی", "RJ-1001", 77);
        var recent = Row(501, OutboxStatus.Sent, 29, "پاسخ دبیرخانه به زهرا");
        var waiting = Row(501, OutboxStatus.Pending, 31, "هنوز در صف");
        var failedUpload = Row(1, OutboxStatus.Failed, 31, "فایل مسئله‌ها");
        await using (var db = bot.Db())
        {
            db.Outbox.AddRange(post, recent, waiting, failedUpload);
            // More old rows than one batch holds, of every settled kind.
            db.Outbox.AddRange(Enumerable.Range(0, OutboxPurger.BatchSize + 100).Select(i =>
                Row(600 + i, (OutboxStatus)((int)OutboxStatus.Sent + i % 4), 31 + i % 30, "اطلاعیه شماره " + i)));
            db.OutboxFiles.Add(new OutboxFile { Message = failedUpload, FileName = "reports.xlsx", ContentType = "application/octet-stream", Bytes = [1, 2, 3] });
            await db.SaveChangesAsync();
        }

        var purged = await purger.RunOnceAsync(CancellationToken.None);

        Assert.Equal(OutboxPurger.BatchSize + 100 + 2, purged);
        await using var check = bot.Db();
        var rows = await check.Outbox.AsNoTracking().ToDictionaryAsync(o => o.Id);
        Assert.Equal(OutgoingJson.Emptied, rows[post.Id].Payload);
        Assert.Equal((OutboxStatus.Sent, "RJ-1001", "post", 77L, -100200L),
            (rows[post.Id].Status, rows[post.Id].Subject, rows[post.Id].SubjectAction, rows[post.Id].SentMessageId!.Value, rows[post.Id].ChatId));
        Assert.Contains("پاسخ دبیرخانه", rows[recent.Id].Payload);
        Assert.Contains("هنوز در صف", rows[waiting.Id].Payload);
        Assert.Equal(OutgoingJson.Emptied, rows[failedUpload.Id].Payload);
        Assert.Empty(await check.OutboxFiles.ToListAsync());
        Assert.Equal([recent.Id, waiting.Id], rows.Values.Where(o => o.Payload != OutgoingJson.Emptied).Select(o => o.Id).Order());
        Assert.Equal(0, await purger.RunOnceAsync(CancellationToken.None));
    }
}
