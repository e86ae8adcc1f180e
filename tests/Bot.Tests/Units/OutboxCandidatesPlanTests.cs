using System.Text.RegularExpressions;
using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Assembly.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The sender looks at the outbox under the write lock after every batch. Its query must read the partial indexes of
/// unsettled rows only, never the table of every message ever sent, or its cost grows with the messages sent. Asked of
/// SQLite's planner: which index each of the query's three reads uses, not the plan's wording.
/// </summary>
public sealed partial class OutboxCandidatesPlanTests
{
    [Fact]
    public async Task The_candidates_and_their_per_chat_checks_are_read_from_the_indexes_of_unsettled_rows()
    {
        using var database = TestDatabase.OnSqlite();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();

        // Through the outbox's own command builder, so the planner sees the parameters the outbox binds.
        await using var command = RawSql.Command(db, "EXPLAIN QUERY PLAN " + SqliteOutboxStatements.Instance.Candidates,
            ["telegram", 0, 1, 1, 64, new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc)]);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        // Each read of the table names its alias and, when it goes through one, its index.
        var indexOf = new Dictionary<string, string?>();
        foreach (var step in plan)
            if (Read().Match(step) is { Success: true } read)
                indexOf[read.Groups["alias"].Value] = read.Groups["index"].Success ? read.Groups["index"].Value : null;

        Assert.Equal(["e", "o", "s"], indexOf.Keys.Order());
        Assert.Equal("IX_Outbox_Messenger_Status_Priority_Id", indexOf["o"]);
        Assert.Equal("IX_Outbox_Messenger_ChatId_Status_Priority_Id", indexOf["e"]);
        Assert.Equal("IX_Outbox_Messenger_ChatId_Status_Priority_Id", indexOf["s"]);
        // The candidates come in the index's order: nothing is sorted afterwards.
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(SEARCH|SCAN) (?<alias>\w+)(?: USING (?:COVERING )?INDEX (?<index>\w+))?")]
    private static partial Regex Read();
}
