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
/// secretariat and county, newest first, and their words were folded once, when each was filed
/// (<see cref="Report.MatchWords"/>). Folding each candidate's description at every preview, with a cache that the
/// working set of a province's counties outgrew, had cost 1.6 ms a preview (conversation benchmark, 6,000 reports).
/// </remarks>
public static class SimilarReports
{
    /// <summary>The share of distinct words two descriptions must have in common (Jaccard) to count as alike.</summary>
    public const double Threshold = 0.3;

    private const int Candidates = 300;
    private const int Shown = 3;

    public sealed record Match(string Code, string Description);

    /// <summary>What a report being filed with <paramref name="description"/> stores as its <see cref="Report.MatchWords"/>.</summary>
    public static string MatchWordsOf(string description) => PersianMatch.StoredWords(description);

    /// <summary>
    /// The newest open reports of <paramref name="secretariat"/> in <paramref name="county"/> not filed by
    /// <paramref name="memberId"/>, with their stored words (a report filed before they were stored gives its
    /// description, folded by the caller).
    /// </summary>
    internal static IQueryable<Candidate> CandidatesQuery(BotDbContext db, string secretariat, string county, int memberId) =>
        db.Reports.AsNoTracking()
            .Where(r => r.Secretariat == secretariat && r.County == county && r.Stage != ReportStage.Closed && r.MemberId != memberId)
            .OrderByDescending(r => r.Id).Take(Candidates)
            .Select(r => new Candidate(r.Id, r.MatchWords ?? r.Description, r.MatchWords != null));

    internal sealed record Candidate(int Id, string Words, bool Stored);

    public static async Task<IReadOnlyList<Match>> FindAsync(BotDbContext db, string secretariat, string county, string description, int memberId, CancellationToken ct)
    {
        var candidates = await CandidatesQuery(db, secretariat, county, memberId).ToListAsync(ct);
        var words = PersianMatch.LongWords(description);
        var chosen = candidates
            .Select(c => (c.Id, Score: PersianMatch.Similarity(words, c.Stored ? c.Words : MatchWordsOf(c.Words))))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score) // stable: of equal scores, the newest first
            .Take(Shown)
            .Select(x => x.Id)
            .ToList();
        if (chosen.Count == 0) return [];

        // Only the few shown are read whole.
        var shown = await db.Reports.AsNoTracking().Where(r => chosen.Contains(r.Id))
            .Select(r => new { r.Id, r.Code, r.Description }).ToDictionaryAsync(r => r.Id, ct);
        return chosen.Select(id => new Match(shown[id].Code, shown[id].Description)).ToList();
    }

    /// <summary>The member follows the report from now on (once, however often they press).</summary>
    public static async Task<Report?> FollowAsync(BotDbContext db, string code, int memberId, DateTime now, CancellationToken ct)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Code == code && r.Stage != ReportStage.Closed, ct);
        if (report is null) return null;
        if (!await db.ReportFollowers.AnyAsync(f => f.ReportId == report.Id && f.MemberId == memberId, ct))
        {
            db.ReportFollowers.Add(new ReportFollower { ReportId = report.Id, MemberId = memberId, Since = now });
            db.ReportEvents.Add(new ReportEvent { ReportId = report.Id, Kind = ReportEventKind.Followed, At = now, Actor = "member" });
        }

        return report;
    }
}
