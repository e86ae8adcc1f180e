using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>
/// A flood is absorbed before it reaches the secretariat: a member adds to their reports at most
/// <c>MaxAdditionsPerHour</c> times an hour (a message, or an album, is one addition) and files at most
/// <c>MaxReportsPerDay</c> reports in 24 hours. Both are counted from what the reports themselves hold (the member's
/// events, the reports' filing times), so nothing else is stored. What was acknowledged before stays; the refused
/// addition is not kept, and the member is told from when they can go on.
/// </summary>
public static class MemberLimits
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1), Day = TimeSpan.FromDays(1);

    /// <summary>Compiled: the filing check runs at every report filed, under the write lock (<see cref="PerModel{TSet}"/> says why).</summary>
    private sealed class Queries
    {
        public readonly Func<BotDbContext, int, DateTime, IAsyncEnumerable<DateTime>> FiledSince = EF.CompileAsyncQuery<BotDbContext, int, DateTime, DateTime>(
            (BotDbContext db, int memberId, DateTime since) => db.Reports.AsNoTracking()
                .Where(r => r.MemberId == memberId && r.CreatedAt > since).Select(r => r.CreatedAt).OrderBy(at => at));
    }

    /// <summary>Why this addition is refused (with when the member may go on), or null when it may be added.</summary>
    /// <param name="album">The album the incoming file belongs to: its later files are part of an addition already counted.</param>
    public static async Task<string?> RefuseAdditionAsync(Turn turn, int memberId, string? album, ConversationOptions options, TimeZoneInfo zone, CancellationToken ct)
    {
        var since = turn.Now - Hour;
        var added = await (from e in turn.Db.ReportEvents
                           join r in turn.Db.Reports on e.ReportId equals r.Id
                           where r.MemberId == memberId && e.At > since && e.Actor == ReportAggregate.MemberActor
                                 && (e.Kind == ReportEventKind.MemberMessage || e.Kind == ReportEventKind.MemberAttachment)
                           select new { e.Id, e.At, e.Kind, e.Detail }).ToListAsync(ct);
        if (album is not null && added.Any(e => e.Kind == ReportEventKind.MemberAttachment && e.Detail == album)) return null;
        var additions = added
            .GroupBy(e => e.Kind == ReportEventKind.MemberAttachment && e.Detail is not null ? "album:" + e.Detail : "event:" + e.Id)
            .Select(g => g.Min(e => e.At)).Order().ToList();
        return additions.Count < options.MaxAdditionsPerHour
            ? null
            : Texts.AdditionsLimit(options.MaxAdditionsPerHour, When(additions[additions.Count - options.MaxAdditionsPerHour] + Hour, zone));
    }

    /// <summary>Why a new report is refused now (with when the member may send it), or null when it may be filed.</summary>
    public static async Task<string?> RefuseReportAsync(Turn turn, int memberId, ConversationOptions options, TimeZoneInfo zone, CancellationToken ct)
    {
        var since = turn.Now - Day;
        var filed = await PerModel<Queries>.For(turn.Db).FiledSince(turn.Db, memberId, since).ToListAsync(ct);
        return filed.Count < options.MaxReportsPerDay
            ? null
            : Texts.ReportsLimit(options.MaxReportsPerDay, When(filed[filed.Count - options.MaxReportsPerDay] + Day, zone));
    }

    /// <summary>The moment as members read it, rounded up to the minute so that it is never too early.</summary>
    private static string When(DateTime utc, TimeZoneInfo zone)
    {
        var minute = TimeSpan.TicksPerMinute;
        var up = new DateTime((utc.Ticks + minute - 1) / minute * minute, DateTimeKind.Utc);
        return PersianTime.LongDate(up, zone);
    }
}
