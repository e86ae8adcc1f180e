using Assembly.Bot.Sending;
using Assembly.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The sender looks at the outbox under the write lock after every batch. Its query must read the partial indexes of
/// unsettled rows only, never the table of every message ever sent, or its cost grows with the messages sent.
/// </summary>
public sealed class OutboxCandidatesPlanTests
{
    [Fact]
    public async Task The_candidates_and_their_per_chat_checks_are_read_from_the_indexes_of_unsettled_rows()
    {
        using var database = TestDatabase.OnSqlite(); // SQLite's planner is the one asked
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();

        // Through the sender's own command builder, so the planner sees the parameters the sender binds.
        await using var command = OutboxSender.Command(db, "EXPLAIN QUERY PLAN " + OutboxSender.CandidatesSql,
            ["telegram", 0, 1, 1, 64, new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc)]);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        var reads = plan.Where(step => step.StartsWith("SEARCH", StringComparison.Ordinal) || step.StartsWith("SCAN", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reads.Count);
        Assert.StartsWith("SEARCH o USING INDEX IX_Outbox_Messenger_Status_Priority_Id (Messenger=? AND Status=?", reads[0]);
        Assert.StartsWith("SEARCH e USING COVERING INDEX IX_Outbox_Messenger_ChatId_Status_Priority_Id (Messenger=? AND ChatId=?", reads[1]);
        Assert.StartsWith("SEARCH s USING COVERING INDEX IX_Outbox_Messenger_ChatId_Status_Priority_Id (Messenger=? AND ChatId=?", reads[2]);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
