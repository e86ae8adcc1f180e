using System.Globalization;
using System.Text.RegularExpressions;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The stretch of time a statistic covers: from <see cref="Start"/> (inclusive) to <see cref="End"/>
/// (exclusive), both UTC instants, with how people name it. Periods typed by people are whole Solar Hijri
/// months in the assembly's time zone: a month (<c>1404/08</c>), a year (<c>1404</c>), a range of months
/// (<c>1404/01 تا 1404/06</c>, or with <c>-</c>), or nothing for this month. A session's summary uses the
/// year before the session instead (<see cref="YearBefore"/>).
/// </summary>
public sealed partial record StatsPeriod(DateTime Start, DateTime End, string Label, SolarMonth? FirstMonth = null, int Months = 0)
{
    private static readonly PersianCalendar Calendar = new();

    /// <summary>
    /// The longest period a person may ask for, in months: five years. Longer would be one read of the whole history,
    /// and a file too large to open on a phone.
    /// </summary>
    public const int MaxMonths = 60;

    /// <summary>True when the period is a run of whole Solar months (every typed period is).</summary>
    public bool IsMonthly => FirstMonth is not null && Months > 0;

    /// <summary>The whole months from <paramref name="first"/> through <paramref name="last"/>.</summary>
    public static StatsPeriod OfMonths(SolarMonth first, SolarMonth last, TimeZoneInfo zone)
    {
        var months = last.Index - first.Index + 1;
        var label = months == 1 ? first.Label
            : first.Month == 1 && last.Month == 12 && first.Year == last.Year ? Texts.StatsYearLabel(first.Year)
            : Texts.StatsRangeLabel(first.Label, last.Label);
        return new StatsPeriod(first.StartUtc(zone), last.Next().StartUtc(zone), label, first, months);
    }

    /// <summary>The period of the same length just before this one: the month, year or run of months before.</summary>
    public StatsPeriod Previous(TimeZoneInfo zone)
    {
        if (IsMonthly)
        {
            var first = SolarMonth.FromIndex(FirstMonth!.Value.Index - Months);
            return OfMonths(first, SolarMonth.FromIndex(FirstMonth.Value.Index - 1), zone);
        }

        var length = End - Start;
        return new StatsPeriod(Start - length, Start, Texts.StatsPeriodBetween(SolarDate.Format(Local(Start - length, zone)), SolarDate.Format(Local(Start, zone))));
    }

    /// <summary>The months this period touches, in order (for charts by month).</summary>
    public IReadOnlyList<SolarMonth> MonthsCovered(TimeZoneInfo zone)
    {
        var first = SolarMonth.Of(Start, zone);
        var last = SolarMonth.Of(End.AddTicks(-1), zone);
        return Enumerable.Range(first.Index, last.Index - first.Index + 1).Select(SolarMonth.FromIndex).ToList();
    }

    /// <summary>The year before a session, up to its start (or up to now, for a session still to come).</summary>
    public static StatsPeriod YearBefore(DateTime sessionStartUtc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var end = sessionStartUtc < nowUtc ? sessionStartUtc : nowUtc;
        var localEnd = Local(end, zone);
        var localStart = Calendar.AddYears(localEnd, -1);
        var start = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone);
        return new StatsPeriod(start, end, Texts.StatsPeriodBetween(SolarDate.Format(localStart), SolarDate.Format(localEnd)));
    }

    /// <summary>
    /// Reads what a person typed after <c>/stats</c> or <c>/export</c>. Empty means this month. On failure,
    /// <paramref name="error"/> is the Persian answer to give.
    /// </summary>
    public static bool TryParse(string? text, DateTime nowUtc, TimeZoneInfo zone, out StatsPeriod period, out string error)
    {
        period = null!;
        error = "";
        var clean = PersianText.ToLatinDigits(PersianText.CleanInput(text)).Trim();
        var current = SolarMonth.Of(nowUtc, zone);
        if (clean.Length == 0)
        {
            period = OfMonths(current, current, zone);
            return true;
        }

        var range = Range().Match(clean);
        SolarMonth first, last;
        if (range.Success)
        {
            if (!TryMonthOrYear(range.Groups[1].Value, out var from, out _, out error) || !TryMonthOrYear(range.Groups[2].Value, out _, out var to, out error))
                return false;
            (first, last) = (from, to);
            if (last.Index < first.Index) { error = Texts.StatsRangeReversed; return false; }
        }
        else if (!TryMonthOrYear(clean, out first, out last, out error))
        {
            return false;
        }

        if (first.Index > current.Index) { error = Texts.StatsFuturePeriod; return false; }
        if (last.Index - first.Index + 1 > MaxMonths) { error = Texts.StatsPeriodTooLong; return false; }
        // A period that has begun is counted up to now; its later months simply have nothing yet.
        period = OfMonths(first, last, zone);
        return true;
    }

    /// <summary><c>1404</c> (the whole year) or <c>1404/08</c> (one month): its first and last month.</summary>
    private static bool TryMonthOrYear(string text, out SolarMonth first, out SolarMonth last, out string error)
    {
        first = last = default;
        error = "";
        var match = MonthOrYear().Match(text.Trim());
        if (!match.Success) { error = Texts.StatsBadPeriod(PersianText.ToPersianDigits(text.Trim())); return false; }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < SolarMonth.MinYear or > SolarMonth.MaxYear) { error = Texts.StatsNoSuchYear(year); return false; }
        if (!match.Groups[2].Success)
        {
            (first, last) = (new SolarMonth(year, 1), new SolarMonth(year, 12));
            return true;
        }

        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) { error = Texts.StatsNoSuchMonth(month); return false; }
        first = last = new SolarMonth(year, month);
        return true;
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    [GeneratedRegex(@"^(\d{4})(?:\s*[/\-.]\s*(\d{1,2}))?$")]
    private static partial Regex MonthOrYear();

    // «تا» (to) or a dash between two months or years. A month is written 1404/08 (or 1404-08), so a dash
    // begins a range only when four digits (a year) follow it.
    [GeneratedRegex(@"^(\d{4}(?:\s*[/\-.]\s*\d{1,2})?)\s*(?:تا|-|–|—)\s*(\d{4}(?:\s*[/\-.]\s*\d{1,2})?)$")]
    private static partial Regex Range();
}

/// <summary>One month of the Solar Hijri calendar; <see cref="Index"/> counts months from year 0, for arithmetic.</summary>
public readonly record struct SolarMonth(int Year, int Month)
{
    public const int MinYear = 1300, MaxYear = 1500;
    private static readonly PersianCalendar Calendar = new();

    public int Index => Year * 12 + Month - 1;

    public static SolarMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public static SolarMonth Of(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new SolarMonth(Calendar.GetYear(local), Calendar.GetMonth(local));
    }

    public SolarMonth Next() => FromIndex(Index + 1);

    /// <summary>Midnight of the month's first day in the zone, as UTC.</summary>
    public DateTime StartUtc(TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(Calendar.ToDateTime(Year, Month, 1, 0, 0, 0, 0), DateTimeKind.Unspecified), zone);

    /// <summary>«آبان ۱۴۰۴».</summary>
    public string Label => $"{Texts.SolarMonthName(Month)} {PersianText.ToPersianDigits(Year)}";

    /// <summary>«آبان», for a chart's axis.</summary>
    public string ShortLabel => Texts.SolarMonthName(Month);
}
