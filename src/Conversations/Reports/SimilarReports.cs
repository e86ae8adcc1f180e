using System.Collections.Concurrent;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>
/// Open reports that look like the same problem: same secretariat, same county, and enough words in
/// common. Shown before a member confirms, so they can follow one instead of filing a duplicate.
/// </summary>
public static class SimilarReports
{
    /// <summary>The share of distinct words two descriptions must have in common (Jaccard) to count as alike.</summary>
    public const double Threshold = 0.3;

    private const int Candidates = 300;
    private const int Shown = 3;

    public sealed record Match(string Code, string Description);

    // The words of filed descriptions, folded once per process: every preview compares the member's description with
    // up to 300 open reports, and folding them all again each time (Unicode normalisation, casing) was about half the
    // cost of a preview in the conversation benchmark. Keyed by the text itself, so it holds for any database and
    // any edit; bounded (short texts only, emptied when full) so it never holds more than a few megabytes.
    private const int FoldedKept = 2048;
    private const int FoldedLength = 512;
    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> Folded = new(StringComparer.Ordinal);

    private static IReadOnlySet<string> WordsOf(string description)
    {
        if (Folded.TryGetValue(description, out var words)) return words;
        words = PersianMatch.LongWords(description);
        if (description.Length > FoldedLength) return words;
        if (Folded.Count >= FoldedKept) Folded.Clear();
        Folded[description] = words;
        return words;
    }

    public static async Task<IReadOnlyList<Match>> FindAsync(BotDbContext db, string secretariat, string county, string description, int memberId, CancellationToken ct)
    {
        var open = await db.Reports.AsNoTracking()
            .Where(r => r.Secretariat == secretariat && r.County == county && r.Stage != ReportStage.Closed && r.MemberId != memberId)
            .OrderByDescending(r => r.Id).Take(Candidates)
            .Select(r => new Match(r.Code, r.Description))
            .ToListAsync(ct);
        var words = PersianMatch.LongWords(description);
        return open.Select(r => (r, score: PersianMatch.Similarity(words, WordsOf(r.Description))))
            .Where(x => x.score >= Threshold)
            .OrderByDescending(x => x.score)
            .Take(Shown)
            .Select(x => x.r)
            .ToList();
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
