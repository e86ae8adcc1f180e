using System.Globalization;
using System.Text.RegularExpressions;
using Assembly.Conversations.Text;
using Humanizer;

namespace Assembly.Conversations.Meetings;

/// <summary>Session times as people type and read them: Solar Hijri date and hour, Tehran time, any digits.</summary>
public static partial class MeetingTime
{
    private static readonly CultureInfo Persian = new("fa");

    /// <summary>Reads <c>1404/09/15 17:30</c> in the assembly's zone; false for a malformed or non-existent date or hour.</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTime utc)
    {
        utc = default;
        var match = Shape().Match(PersianText.ToLatinDigits(PersianText.CleanInput(text)));
        if (!match.Success || !SolarDate.TryParse(match.Groups[1].Value, out var day)) return false;
        var (hour, minute) = (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        if (hour > 23 || minute > 59) return false;
        var local = DateTime.SpecifyKind(day.AddHours(hour).AddMinutes(minute), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) return false;
        utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return true;
    }

    /// <summary>«۱۴۰۴/۰۹/۱۵ ساعت ۱۷:۳۰» in the assembly's zone.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone) => PersianTime.Date(utc, zone);

    /// <summary>«۱ روز», «۲ ساعت»: how long before a session a reminder goes.</summary>
    public static string Span(TimeSpan span) => PersianText.ToPersianDigits(span.Humanize(culture: Persian));

    [GeneratedRegex(@"^(\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2})\s+(\d{1,2})[:٫.](\d{2})$")]
    private static partial Regex Shape();
}
