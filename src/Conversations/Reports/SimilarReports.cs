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

    public static async Task<IReadOnlyList<Match>> FindAsync(BotDbContext db, string secretariat, string county, string description, int memberId, CancellationToken ct)
    {
        var open = await db.Reports.AsNoTracking()
            .Where(r => r.Secretariat == secretariat && r.County == county && r.Stage != ReportStage.Closed && r.MemberId != memberId)
            .OrderByDescending(r => r.Id).Take(Candidates)
            .Select(r => new Match(r.Code, r.Description))
            .ToListAsync(ct);
        var words = PersianMatch.LongWords(description);
        return open.Select(r => (r, score: PersianMatch.Similarity(words, PersianMatch.LongWords(r.Description))))
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
