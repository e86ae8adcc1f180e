using Assembly.Bot.Tests.Cli;
using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Units;

/// <summary>The multi-row INSERT the pipeline ends a lane with, on the configured database (SQLite or PostgreSQL).</summary>
public sealed class RowInserterTests
{
    [Fact]
    public async Task Rows_are_stored_as_SaveChanges_would_store_them_in_the_given_order_across_several_statements()
    {
        using var database = new TestDatabase();
        await CliTestSupport.MigrateAsync(database);
        var at = new DateTime(2026, 11, 29, 8, 30, 15, 123, DateTimeKind.Utc).AddTicks(4560); // microseconds: PostgreSQL keeps no finer
        // 450 rows, with every kind of value, nulls included: one statement a row on SQLite, 32 rows a statement on PostgreSQL.
        var rows = Enumerable.Range(0, 450).Select(i => new OutboxMessage
        {
            Messenger = i % 2 == 0 ? "telegram" : "bale",
            ChatId = -1_000_000_000_000 - i,
            ChatKind = i % 3 == 0 ? ChatKind.Group : ChatKind.Private,
            Priority = i % 5 == 0 ? OutboxPriority.Bulk : OutboxPriority.Interactive,
            Payload = $$"""{"text":"پیام {{i}} «آزمایشی»"}""",
            Status = OutboxStatus.Pending,
            CreatedAt = at.AddSeconds(i),
            NotBefore = at.AddSeconds(i + 1),
            Subject = i % 4 == 0 ? $"RJ-{1000 + i}" : null,
            SubjectAction = i % 4 == 0 ? "post" : null,
            BroadcastId = i % 7 == 0 ? i : null,
        }).ToList();

        await using (var db = database.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await RowInserter.InsertAsync(db, rows, CancellationToken.None);
            await RowInserter.InsertAsync(db, [new ProcessedUpdate { Messenger = "telegram", UpdateId = 42, ProcessedAt = at, Failed = true }], CancellationToken.None);
            await tx.CommitAsync();
        }

        await using var check = database.Open();
        var stored = await check.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(rows.Count, stored.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (want, got) = (rows[i], stored[i]);
            Assert.Equal((want.Messenger, want.ChatId, want.ChatKind, want.Priority, want.Payload, want.Status),
                (got.Messenger, got.ChatId, got.ChatKind, got.Priority, got.Payload, got.Status));
            Assert.Equal((want.CreatedAt, want.NotBefore, want.Subject, want.SubjectAction, want.BroadcastId, want.ClaimedAt, want.SentMessageId),
                (got.CreatedAt, got.NotBefore, got.Subject, got.SubjectAction, got.BroadcastId, got.ClaimedAt, got.SentMessageId));
            Assert.Equal(DateTimeKind.Utc, got.CreatedAt.Kind);
        }

        var marker = await check.ProcessedUpdates.AsNoTracking().SingleAsync();
        Assert.Equal(("telegram", 42L, at, true), (marker.Messenger, marker.UpdateId, marker.ProcessedAt, marker.Failed));
        // What a lane writes can be found the way the sender looks for it.
        Assert.Equal(rows.Count(r => r.Messenger == "bale" && r.Priority == OutboxPriority.Bulk),
            await check.Outbox.CountAsync(o => o.Messenger == "bale" && o.Status == OutboxStatus.Pending && o.Priority == OutboxPriority.Bulk));
    }

    [Fact]
    public async Task A_marker_written_twice_is_refused_by_its_key()
    {
        using var database = new TestDatabase();
        await CliTestSupport.MigrateAsync(database);
        var marker = new ProcessedUpdate { Messenger = "telegram", UpdateId = 7, ProcessedAt = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc) };
        await using var db = database.Open();
        await RowInserter.InsertAsync(db, [marker], CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => RowInserter.InsertAsync(db, [marker], CancellationToken.None));
    }
}
