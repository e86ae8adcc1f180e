using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// Every update in a private chat reads its chat, conversation and member in one query inside the write transaction
/// (HotQueries.PrivateTurn): each table must be found by its key, never scanned, or every update would pay for the size
/// of the tables.
/// </summary>
public sealed class PrivateTurnQueryTests
{
    [Fact]
    public async Task The_chat_its_conversation_and_the_member_are_each_found_by_key()
    {
        using var database = TestDatabase.OnSqlite(); // SQLite's planner is the one asked
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();

        await using var command = HotQueries.PrivateTurnQuery(db, "telegram", 7001, 7001).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("Chats_1 (Messenger=? AND ChatId=?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("Conversations_1 (Messenger=? AND ChatId=?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("Accounts_1 (Messenger=? AND UserId=?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal));
        // What is scanned is only the one-row subqueries EF wraps the member's lookup in, never a table.
        var tables = new[] { "Chats", "Conversations", "Accounts", "Members" };
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && tables.Any(t => step.Contains(t, StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chat_without_a_conversation_or_a_member_still_comes_back_and_a_chat_without_a_row_comes_back_empty()
    {
        using var database = TestDatabase.OnSqlite();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        db.Chats.Add(new Storage.Entities.ChatRecord { Messenger = "telegram", ChatId = 7002, FirstSeenAt = DateTime.UnixEpoch, LastSeenAt = DateTime.UnixEpoch });
        await db.SaveChangesAsync();

        var rows = await HotQueries.PrivateTurn(db, "telegram", 7002, 7002, CancellationToken.None);
        Assert.Equal(7002, rows.Chat?.ChatId);
        Assert.Null(rows.Conversation);
        Assert.Null(rows.Member);
        // A chat's first update: no row of any of the three, and still one answer.
        Assert.Equal(new PrivateTurnRows(null, null, null), await HotQueries.PrivateTurn(db, "telegram", 7003, 7003, CancellationToken.None));
    }
}
