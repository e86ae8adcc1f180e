using System.Globalization;
using System.Text.RegularExpressions;

namespace Assembly.Conversations.Text;

/// <summary>Dates typed in the Solar Hijri calendar, like <c>1404/09/15</c>, in any digits.</summary>
public static partial class SolarDate
{
    private static readonly PersianCalendar Calendar = new();

    /// <summary>Reads a date that exists in the calendar (no 1404/12/30 in a common year); the result is that day's start, unspecified kind.</summary>
    public static bool TryParse(string? text, out DateTime date)
    {
        date = default;
        var match = Shape().Match(PersianText.ToLatinDigits(PersianText.CleanInput(text)));
        if (!match.Success) return false;
        var (year, month, day) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        if (year is < 1300 or > 1500 || month is < 1 or > 12 || day < 1 || day > Calendar.GetDaysInMonth(year, month)) return false;
        date = Calendar.ToDateTime(year, month, day, 0, 0, 0, 0);
        return true;
    }

    /// <summary>A day written back as people read it: ۱۴۰۴/۰۹/۱۵.</summary>
    public static string Format(DateTime date) => PersianText.ToPersianDigits(
        $"{Calendar.GetYear(date):0000}/{Calendar.GetMonth(date):00}/{Calendar.GetDayOfMonth(date):00}");

    [GeneratedRegex(@"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$")]
    private static partial Regex Shape();
}
