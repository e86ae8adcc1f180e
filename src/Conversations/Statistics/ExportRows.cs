using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The rows of an export, one per report, as text in the order of <see cref="Texts.ExportColumns"/>. Dates are
/// Solar Hijri in Tehran time with Persian digits (they sort as text, since ۰-۹ are consecutive). An anonymous
/// reporter's name and number are «ناشناس» in every export, whoever asks: a file travels further than a chat.
/// </summary>
public static class ExportRows
{
    public static async Task<List<string[]>> BuildAsync(BotDbContext db, ReportStatistics stats, TimeZoneInfo zone, CancellationToken ct)
    {
        var ids = stats.Reports.Select(r => r.Id).ToList();
        var details = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Place, r.Latitude, r.Longitude, r.ProposedSolution, r.Anonymous, MemberName = r.Member!.Name, r.Member.Phone })
            .ToDictionaryAsync(r => r.Id, ct);
        return stats.Reports.Select(r =>
        {
            var d = details[r.Id];
            return new[]
            {
                r.Code,
                When(r.CreatedAt, zone),
                stats.Scope.NameOf(r.Secretariat),
                r.Topic ?? "",
                r.County,
                // A pinned place carries its map link, so the file leads to the spot without the chat.
                d is { Latitude: { } lat, Longitude: { } lon } ? $"{d.Place} {Texts.MapLink(lat, lon)}".Trim() : d.Place ?? "",
                r.Description,
                d.ProposedSolution ?? "",
                Texts.StageLabel(r.Stage),
                r is { Stage: ReportStage.Closed, Outcome: { } outcome } ? Texts.OutcomeLabel(outcome) : "",
                r.FirstAnswerAt is { } answered ? When(answered, zone) : "",
                r is { Stage: ReportStage.Closed, ClosedAt: { } closed } ? When(closed, zone) : "",
                r.FirstAnswerAt is { } first ? Hours(first - r.CreatedAt) : "",
                d.Anonymous ? Texts.StatsAnonymous : d.MemberName,
                d.Anonymous ? Texts.StatsAnonymous : Phone(d.Phone),
                PersianText.ToPersianDigits(r.Followers),
            };
        }).ToList();
    }

    /// <summary>Which columns hold numbers (written as numbers in the spreadsheet).</summary>
    public static readonly int[] NumberColumns = [12, 15];

    /// <summary>The column of the reporter's phone (text in the spreadsheet, with Latin digits).</summary>
    public const int PhoneColumn = 14;

    /// <summary>
    /// A phone as the CSV shows it: the local form in Persian digits (<c>+989121234567</c> → <c>۰۹۱۲۱۲۳۴۵۶۷</c>),
    /// which a spreadsheet keeps as text with its leading zero, where <c>+98…</c> reads as a formula and <c>0912…</c>
    /// as a number without its zero. No phone (a forgotten member) is an empty cell.
    /// </summary>
    public static string Phone(string? e164) => string.IsNullOrEmpty(e164) ? "" : PhoneNumber.Display(e164);

    /// <summary>«۱۴۰۴/۰۸/۰۳ ۱۴:۳۰», Tehran time.</summary>
    public static string When(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return SolarDate.Format(local) + " " + PersianText.ToPersianDigits(local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Hours(TimeSpan span) =>
        PersianText.ToPersianDigits(Math.Round(span.TotalHours, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).Replace('.', '٫');
}
