using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Statistics;

/// <summary>One report as the statistics see it: when it came, where it is, and when it was first answered and closed.</summary>
public sealed record ReportFacts(
    int Id, string Code, string Secretariat, string County, string? Topic, string Description, ReportStage Stage, ReportOutcome? Outcome,
    bool Anonymous, DateTime CreatedAt, DateTime? DueAt, DateTime? FirstAnswerAt, DateTime? ClosedAt, int Followers);

/// <summary>
/// The numbers of one period for one scope. A report belongs to the period in which it was received and to
/// the secretariat that holds it now (after any re-routing); its stage and outcome are as they are now.
/// </summary>
public sealed record ReportStatistics(
    StatsPeriod Period,
    StatsScope Scope,
    IReadOnlyList<ReportFacts> Reports,
    IReadOnlyList<(string Key, int Count)> BySecretariat,
    IReadOnlyList<(string County, int Count)> ByCounty,
    IReadOnlyList<(ReportStage Stage, int Count)> ByStage,
    IReadOnlyList<(ReportOutcome Outcome, int Count)> ByOutcome,
    double? MedianHoursToFirstAnswer,
    double? MedianHoursToOutcome,
    int Overdue,
    ReportStatistics? Previous)
{
    public int Received => Reports.Count;
    public int Anonymous => Reports.Count(r => r.Anonymous);
    public int Closed => Reports.Count(r => r.Stage == ReportStage.Closed);
    public int Open => Received - Closed;
    public int OutcomeCount(ReportOutcome outcome) => ByOutcome.FirstOrDefault(o => o.Outcome == outcome).Count;

    /// <summary>The stages of the reports still open, in the assembly's order.</summary>
    public static readonly ReportStage[] OpenStages = [ReportStage.Identification, ReportStage.Solution, ReportStage.FollowUp];

    public static readonly ReportOutcome[] Outcomes = [ReportOutcome.Resolved, ReportOutcome.Unresolved, ReportOutcome.Rejected, ReportOutcome.Duplicate];

    /// <summary>
    /// Counts the reports received in <paramref name="period"/> within <paramref name="scope"/>, and the same for the
    /// period of the same length before it. Overdue: a deadline (first answer or next follow-up) passed at
    /// <paramref name="now"/> on a report that is still open.
    /// </summary>
    public static async Task<ReportStatistics> ComputeAsync(BotDbContext db, StatsPeriod period, StatsScope scope, DateTime now,
        TimeZoneInfo zone, CancellationToken ct, bool withPrevious = true)
    {
        var reports = await LoadAsync(db, period, scope, ct);
        var previous = withPrevious ? await ComputeAsync(db, period.Previous(zone), scope, now, zone, ct, withPrevious: false) : null;
        return new ReportStatistics(
            period, scope, reports,
            scope.Keys.Select(k => (k, reports.Count(r => r.Secretariat == k))).ToList(),
            reports.GroupBy(r => r.County).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).ToList(),
            OpenStages.Select(s => (s, reports.Count(r => r.Stage == s))).ToList(),
            Outcomes.Select(o => (o, reports.Count(r => r.Stage == ReportStage.Closed && r.Outcome == o))).ToList(),
            Median(reports.Where(r => r.FirstAnswerAt is not null).Select(r => (r.FirstAnswerAt!.Value - r.CreatedAt).TotalHours)),
            Median(reports.Where(r => r is { Stage: ReportStage.Closed, ClosedAt: not null }).Select(r => (r.ClosedAt!.Value - r.CreatedAt).TotalHours)),
            reports.Count(r => r.Stage != ReportStage.Closed && r.DueAt is { } due && due <= now),
            previous);
    }

    /// <summary>The reports of a period with the times the numbers need, in the order they came.</summary>
    public static async Task<List<ReportFacts>> LoadAsync(BotDbContext db, StatsPeriod period, StatsScope scope, CancellationToken ct)
    {
        var (start, end, keys) = (period.Start, period.End, scope.Keys);
        var inPeriod = db.Reports.AsNoTracking().Where(r => r.CreatedAt >= start && r.CreatedAt < end && keys.Contains(r.Secretariat));
        var rows = await inPeriod.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Code, r.Secretariat, r.County, r.Topic, r.Description, r.Stage, r.Outcome, r.Anonymous, r.CreatedAt, r.DueAt })
            .ToListAsync(ct);
        // First answer: the first reply a staff member sent the reporter. Outcome: the last closing (a report
        // may be reopened and closed again; the time that counts is when it got the outcome it has).
        var events = await db.ReportEvents.AsNoTracking()
            .Where(e => (e.Kind == ReportEventKind.Replied || e.Kind == ReportEventKind.Closed) && inPeriod.Any(r => r.Id == e.ReportId))
            .Select(e => new { e.ReportId, e.Kind, e.At })
            .ToListAsync(ct);
        var followers = await db.ReportFollowers.AsNoTracking().Where(f => inPeriod.Any(r => r.Id == f.ReportId))
            .GroupBy(f => f.ReportId).Select(g => new { ReportId = g.Key, Count = g.Count() }).ToDictionaryAsync(f => f.ReportId, f => f.Count, ct);
        var byReport = events.ToLookup(e => e.ReportId);
        return rows.Select(r =>
        {
            var mine = byReport[r.Id].ToList();
            DateTime? firstAnswer = mine.Where(e => e.Kind == ReportEventKind.Replied).Select(e => (DateTime?)e.At).Min();
            DateTime? closed = mine.Where(e => e.Kind == ReportEventKind.Closed).Select(e => (DateTime?)e.At).Max();
            return new ReportFacts(r.Id, r.Code, r.Secretariat, r.County, r.Topic, r.Description, r.Stage, r.Outcome, r.Anonymous,
                r.CreatedAt, r.DueAt, firstAnswer, closed, followers.GetValueOrDefault(r.Id));
        }).ToList();
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count); null when there is none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Reports received per month of the period, per secretariat of the scope (for the chart).</summary>
    public IReadOnlyList<(SolarMonth Month, IReadOnlyList<int> PerSecretariat)> PerMonth(TimeZoneInfo zone)
    {
        var keys = Scope.Keys;
        var byMonth = Reports.ToLookup(r => SolarMonth.Of(r.CreatedAt, zone));
        return Period.MonthsCovered(zone)
            .Select(m => (m, (IReadOnlyList<int>)keys.Select(k => byMonth[m].Count(r => r.Secretariat == k)).ToList()))
            .ToList();
    }
}
