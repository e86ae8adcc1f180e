using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Reports;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The similar-reports preview runs inside every filing member's transaction: its query must walk the index of open
/// reports newest first, never scan the table or sort, or its cost grows with every report ever filed.
/// </summary>
public sealed class SimilarReportsQueryTests
{
    [Fact]
    public async Task The_candidates_are_read_through_the_open_reports_index_without_a_sort()
    {
        using var database = TestDatabase.OnSqlite(); // SQLite's planner is the one asked
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();

        await using var command = SimilarReports.CandidatesQuery(db, "judiciary", "کاشان", 7).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        Assert.Equal(["SEARCH r USING INDEX IX_Reports_Secretariat_County_Id (Secretariat=? AND County=?)"], plan);
    }
}
