using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Reports;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// The similar-reports preview runs inside every filing member's transaction: its query must walk the index of open
/// reports newest first, never scan the table or sort, or its cost grows with every report ever filed; and on SQLite
/// it must not leave the index for the reports' rows, 300 of them scattered across the table at every preview.
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

        // COVERING: what the preview reads (filer, stored words) comes from the index's entries, not the table's rows.
        Assert.Equal(["SEARCH r USING COVERING INDEX IX_Reports_Secretariat_County_Id_MemberId_Stage_MatchWords (Secretariat=? AND County=?)"], plan);
    }
}
