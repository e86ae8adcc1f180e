using System.Globalization;
using System.Text.RegularExpressions;
using Assembly.Conversations.Text;
using Humanizer;

namespace Assembly.Conversations.Meetings;

/// <summary>
/// Session times as people type and read them: Solar Hijri, Tehran time, any digits. What the bot shows
/// («سه‌شنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰») is read back as typed, so an organizer may copy a date from a notice.
/// </summary>
public static partial class MeetingTime
{
    private static readonly CultureInfo Persian = new("fa");
    private static readonly PersianCalendar Calendar = new();

    /// <summary>Month names as folded by <see cref="PersianMatch.Fold"/>; «امرداد» is the older spelling of «مرداد».</summary>
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["فروردین"] = 1, ["اردیبهشت"] = 2, ["خرداد"] = 3, ["تیر"] = 4, ["مرداد"] = 5, ["امرداد"] = 5, ["شهریور"] = 6,
        ["مهر"] = 7, ["آبان"] = 8, ["آذر"] = 9, ["دی"] = 10, ["بهمن"] = 11, ["اسفند"] = 12,
    };

    /// <summary>Weekdays with their parts joined: «سه‌شنبه», «سه شنبه» and «سهشنبه» are one word here.</summary>
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["شنبه"] = DayOfWeek.Saturday, ["یکشنبه"] = DayOfWeek.Sunday, ["دوشنبه"] = DayOfWeek.Monday, ["سهشنبه"] = DayOfWeek.Tuesday,
        ["چهارشنبه"] = DayOfWeek.Wednesday, ["پنجشنبه"] = DayOfWeek.Thursday, ["جمعه"] = DayOfWeek.Friday,
    };

    /// <summary>Days named from today.</summary>
    private static readonly Dictionary<string, int> Relative = new(StringComparer.Ordinal)
    {
        ["امروز"] = 0, ["فردا"] = 1, ["پسفردا"] = 2,
    };

    /// <summary>
    /// Reads a session's start in the assembly's zone: <c>۱۴۰۵/۰۹/۱۵ ۱۷:۳۰</c>, <c>۱۵ آذر ۱۴۰۵ ساعت ۱۷:۳۰</c> (a weekday
    /// before it must be that day's; without a year, the next such day), <c>فردا ساعت ۱۷</c> (also امروز, پس‌فردا, or a
    /// weekday: the next one whose hour is still ahead). A time is required. False for anything else, or for a day or
    /// hour the calendar does not have; a time in the past is read, and left to the caller to refuse.
    /// </summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, DateTime nowUtc, out DateTime utc)
    {
        utc = default;
        var words = Words().Replace(PersianMatch.Fold((text ?? "").Replace('،', ' ').Replace(',', ' ')), "$1شنبه");
        words = words.Replace("پس فردا", "پسفردا", StringComparison.Ordinal);
        var time = Clock().Match(words);
        if (!time.Success) return false;
        var hour = int.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = time.Groups[2].Success ? int.Parse(time.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59) return false;
        var day = words[..time.Index].Trim();
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone).Date;
        var at = new TimeSpan(hour, minute, 0);

        DateTime local;
        if (SolarDate.TryParse(day, out var date)) local = date + at;
        else if (Relative.TryGetValue(day, out var ahead)) local = today.AddDays(ahead) + at;
        else if (Weekdays.TryGetValue(day, out var weekday))
        {
            local = today.AddDays(((int)weekday - (int)today.DayOfWeek + 7) % 7) + at;
            if (local <= TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone)) local = local.AddDays(7);
        }
        else if (!TryNamedDay(day, today, at, out local)) return false;

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) return false;
        utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return true;
    }

    /// <summary>«[weekday] 15 آذر [1405]»: without a year, this year's day, or next year's once this year's is gone.</summary>
    private static bool TryNamedDay(string text, DateTime today, TimeSpan at, out DateTime local)
    {
        local = default;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        DayOfWeek? weekday = null;
        if (parts.Length > 0 && Weekdays.TryGetValue(parts[0], out var named)) (weekday, parts) = (named, parts[1..]);
        if (parts.Length is not (2 or 3) || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)
            || !Months.TryGetValue(parts[1], out var month)) return false;
        int year;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 1300 or > 1500) return false;
        }
        else
        {
            year = Calendar.GetYear(today);
            if (Exists(year, month, dayOfMonth) && Calendar.ToDateTime(year, month, dayOfMonth, 0, 0, 0, 0) < today) year++;
        }

        if (!Exists(year, month, dayOfMonth)) return false;
        var date = Calendar.ToDateTime(year, month, dayOfMonth, 0, 0, 0, 0);
        if (weekday is { } expected && date.DayOfWeek != expected) return false;
        local = date + at;
        return true;
    }

    private static bool Exists(int year, int month, int day) => day >= 1 && day <= Calendar.GetDaysInMonth(year, month);

    /// <summary>«سه‌شنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰» in the assembly's zone.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone) => PersianTime.LongDate(utc, zone);

    /// <summary>«۱ روز», «۲ ساعت»: how long before a session a reminder goes.</summary>
    public static string Span(TimeSpan span) => PersianText.ToPersianDigits(span.Humanize(culture: Persian));

    /// <summary>The hour at the end, after a space or «ساعت»: «17», «17:30», «17.30», «ساعت 17».</summary>
    [GeneratedRegex(@"(?:^|\s)(?:ساعت\s*)?(\d{1,2})(?:[:٫.](\d{2}))?$")]
    private static partial Regex Clock();

    /// <summary>A weekday written as two words («سه شنبه», as folding turns the half-space into a space).</summary>
    [GeneratedRegex(@"(یک|دو|سه|چهار|پنج) شنبه")]
    private static partial Regex Words();
}
