using System.Linq.Expressions;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>
/// Open reports that look like the same problem: same secretariat, same county, and enough words in
/// common. Shown before a member confirms, so they can follow one instead of filing a duplicate.
/// </summary>
/// <remarks>
/// Shown to every member about to file, inside the transaction of their update, so its cost is paid under the write
/// lock. It stays flat however many reports are stored: the candidates are read through an index of open reports by
/// secretariat and county, newest first, which on SQLite holds all the query reads, and their words were folded
/// once, when each was filed (<see cref="Report.MatchWords"/>), because folding each candidate's description at every
/// preview costs far more, and no cache of folded descriptions stays small enough while holding the working set of a
/// province's counties (measured in docs/benchmarks.md).
/// </remarks>
public static class SimilarReports
{
    /// <summary>The share of distinct words two descriptions must have in common (Jaccard) to count as alike.</summary>
    public const double Threshold = 0.3;

    private const int Candidates = 300;
    private const int Shown = 3;

    /// <summary>
    /// What the offer shows of a similar report: its code, topic, county and stage. Never its description or anything
    /// of its reporter: the member being offered it is a stranger to that report.
    /// </summary>
    public sealed record Match(int Id, string Code, string? Topic, string County, ReportStage Stage);

    /// <summary>What a report being filed with <paramref name="description"/> stores as its <see cref="Report.MatchWords"/>.</summary>
    public static string MatchWordsOf(string description) => PersianMatch.StoredWords(description);

    /// <summary>
    /// The newest open reports of a secretariat in a county not filed by a member, with their stored words: on SQLite
    /// all of it from the index of open reports (<c>ReportConfiguration.IndexOpenReports</c>), without reading the
    /// reports' rows. The words are null for a report filed before they were stored.
    /// </summary>
    private static readonly Expression<Func<BotDbContext, string, string, int, IQueryable<Candidate>>> CandidatesOf =
        (db, secretariat, county, memberId) => db.Reports.AsNoTracking()
            .Where(r => r.Secretariat == secretariat && r.County == county && r.Stage != ReportStage.Closed && r.MemberId != memberId)
            .OrderByDescending(r => r.Id).Take(Candidates)
            .Select(r => new Candidate(r.Id, r.MatchWords));

    internal sealed record Candidate(int Id, string? Words);

    /// <summary>The candidates' query as LINQ, to look at its SQL (the preview runs it compiled).</summary>
    internal static IQueryable<Candidate> CandidatesQuery(BotDbContext db, string secretariat, string county, int memberId) =>
        CandidatesOf.Compile()(db, secretariat, county, memberId);

    /// <summary>Run at every preview, so compiled (<see cref="PerModel{TSet}"/>).</summary>
    private sealed class Queries
    {
        public readonly Func<BotDbContext, string, string, int, IAsyncEnumerable<Candidate>> Candidates = EF.CompileAsyncQuery(CandidatesOf);

        /// <summary>The shown reports, at most three (<see cref="Shown"/>); an id of 0 stands for none.</summary>
        public readonly Func<BotDbContext, int, int, int, IAsyncEnumerable<Match>> Shown = EF.CompileAsyncQuery(
            (BotDbContext db, int first, int second, int third) => db.Reports.AsNoTracking()
                .Where(r => r.Id == first || r.Id == second || r.Id == third)
                .Select(r => new Match(r.Id, r.Code, r.Topic, r.County, r.Stage)));
    }

    public static async Task<IReadOnlyList<Match>> FindAsync(BotDbContext db, string secretariat, string county, string description, int memberId, CancellationToken ct)
    {
        var queries = PerModel<Queries>.For(db);
        var candidates = new List<Candidate>(Candidates);
        await foreach (var candidate in queries.Candidates(db, secretariat, county, memberId).WithCancellation(ct))
            candidates.Add(candidate);
        var unstored = await DescriptionsAsync(db, candidates.Where(c => c.Words is null).Select(c => c.Id).ToList(), ct);
        var words = PersianMatch.LongWords(description);
        var chosen = candidates
            .Select(c => (c.Id, Score: PersianMatch.Similarity(words, c.Words ?? MatchWordsOf(unstored[c.Id]))))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score) // stable: of equal scores, the newest first
            .Take(Shown)
            .Select(x => x.Id)
            .ToList();
        if (chosen.Count == 0) return [];

        // Only the few shown are read whole.
        var shown = new Dictionary<int, Match>(Shown);
        await foreach (var match in queries.Shown(db, chosen[0], chosen.ElementAtOrDefault(1), chosen.ElementAtOrDefault(2)).WithCancellation(ct))
            shown[match.Id] = match;
        return chosen.Select(id => shown[id]).ToList();
    }

    /// <summary>The descriptions of reports filed before their words were stored, to fold here instead.</summary>
    private static async Task<Dictionary<int, string>> DescriptionsAsync(BotDbContext db, List<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Description, ct);
}
