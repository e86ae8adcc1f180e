using System.Globalization;
using System.Runtime.CompilerServices;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The secretariat's working days (<c>Deadlines:DaysOff</c>, <c>YearlyHolidays</c>, <c>Holidays</c>): a staff
/// deadline counts only these, so a report filed before a weekend or Nowruz is not overdue when work starts again.
/// Days are the assembly's own, in its time zone and the Solar Hijri calendar.
/// </summary>
public sealed class WorkingDays
{
    private static readonly PersianCalendar Solar = new();
    private static readonly ConditionalWeakTable<FlowContext, WorkingDays> Cache = [];

    private readonly HashSet<DayOfWeek> _off;
    private readonly HashSet<(int Month, int Day)> _yearly;
    private readonly HashSet<DateTime> _dates;
    private readonly TimeZoneInfo _zone;

    public WorkingDays(DeadlineOptions options, TimeZoneInfo zone)
    {
        _off = [.. options.DaysOff];
        _yearly = [.. options.YearlyHolidays.Select(h => TryReadYearly(h, out var day) ? day : (0, 0))];
        _dates = [.. options.Holidays.Select(h => SolarDate.TryParse(h, out var day) ? day : DateTime.MinValue)];
        _zone = zone;
    }

    /// <summary>The calendar of these settings, made once (the settings do not change while the bot runs).</summary>
    public static WorkingDays Of(FlowContext context) => Cache.GetValue(context, c => new WorkingDays(c.Deadlines, c.Zone));

    /// <summary>Whether a day (its time ignored, in the assembly's zone) is a working day.</summary>
    public bool IsWorkingDay(DateTime localDay)
    {
        var day = localDay.Date;
        return !_off.Contains(day.DayOfWeek) && !_yearly.Contains((Solar.GetMonth(day), Solar.GetDayOfMonth(day))) && !_dates.Contains(day);
    }

    /// <summary>The same time of day, <paramref name="days"/> working days later (days off between are skipped).</summary>
    public DateTime AddWorkingDays(DateTime utc, int days)
    {
        var local = ToLocal(utc);
        for (var counted = 0; counted < days;)
        {
            local = local.AddDays(1);
            if (IsWorkingDay(local)) counted++;
        }

        return ToUtc(local);
    }

    /// <summary>
    /// <paramref name="hours"/> later, counting only the hours of working days: the clock stops over a day off and
    /// starts again at the next working day's beginning.
    /// </summary>
    public DateTime AddWorkingHours(DateTime utc, int hours)
    {
        var local = ToLocal(utc);
        var left = TimeSpan.FromHours(hours);
        while (left > TimeSpan.Zero)
        {
            var dayEnd = local.Date.AddDays(1);
            if (!IsWorkingDay(local)) { local = dayEnd; continue; }
            var today = dayEnd - local;
            if (today >= left) return ToUtc(local + left);
            left -= today;
            local = dayEnd;
        }

        return ToUtc(local);
    }

    /// <summary>A yearly holiday as configured: a Solar month and day, <c>MM/DD</c>, in any digits.</summary>
    public static bool TryReadYearly(string? text, out (int Month, int Day) day)
    {
        day = default;
        var parts = PersianText.ToLatinDigits(PersianText.CleanInput(text)).Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)
            || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > (month <= 6 ? 31 : 30)) return false;
        day = (month, dayOfMonth);
        return true;
    }

    private DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    private DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);
}

/// <summary>
/// The night, when staff are not reminded (<c>Deadlines:QuietFrom</c> to <c>QuietUntil</c>, the assembly's time): a
/// reminder or an escalation due then waits for the morning. Members' session reminders are not held: they keep the
/// time the organizer chose.
/// </summary>
public static class QuietHours
{
    /// <summary>Whether <paramref name="utc"/> falls in the quiet window; a window whose ends are equal is none.</summary>
    public static bool IsQuiet(DateTime utc, DeadlineOptions options, TimeZoneInfo zone)
    {
        var (from, until) = (options.QuietFrom, options.QuietUntil);
        if (from == until) return false;
        var time = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).TimeOfDay;
        return from < until ? time >= from && time < until : time >= from || time < until;
    }
}
