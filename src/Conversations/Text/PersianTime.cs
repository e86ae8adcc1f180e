using System.Globalization;
using Humanizer;

namespace Assembly.Conversations.Text;

/// <summary>Times shown to people: relative («۲ روز پیش») and in the Solar Hijri calendar («۱۴۰۵/۰۹/۰۷ ساعت ۲۲:۲۲»).</summary>
/// <remarks>
/// Nothing here reads the clock: the caller passes "now" (from its <see cref="TimeProvider"/>).
/// A <see cref="DateTime"/> of <see cref="DateTimeKind.Unspecified"/> kind, as databases often return, is taken
/// to be UTC; one of <see cref="DateTimeKind.Local"/> kind is converted to UTC first.
/// </remarks>
public static class PersianTime
{
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa");
    private static readonly PersianCalendar SolarHijri = new();

    /// <summary>
    /// How long ago (or how far ahead) <paramref name="utcThen"/> is from <paramref name="utcNow"/>, in Persian,
    /// as Humanizer's <c>fa</c> resources say it, with Persian digits. Humanizer 3.0.10 gives, for example:
    /// «الآن» (now), «یک ثانیه پیش», «۳۰ ثانیه پیش», «یک دقیقه پیش», «۵ دقیقه پیش», «یک ساعت پیش»,
    /// «دیروز», «۲ روز پیش», «یک ماه پیش», «۲ سال پیش»; and ahead: «۵ دقیقه بعد», «فردا», «۲ روز بعد».
    /// </summary>
    public static string Relative(DateTime utcThen, DateTime utcNow)
    {
        var text = AsUtc(utcThen).Humanize(utcDate: true, dateToCompareAgainst: AsUtc(utcNow), culture: Persian);
        return PersianText.ToPersianDigits(text); // Humanizer writes the numbers in Latin digits
    }

    /// <summary>
    /// The date and time of <paramref name="utc"/> in <paramref name="zone"/>, in the Solar Hijri calendar with
    /// Persian digits: <c>yyyy/MM/dd ساعت HH:mm</c>, e.g. «۱۴۰۵/۰۹/۰۷ ساعت ۲۲:۲۲». 24-hour clock, month and day
    /// padded to two digits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before the calendar's start (AD 622).</exception>
    public static string Date(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{SolarHijri.GetYear(local):D4}/{SolarHijri.GetMonth(local):D2}/{SolarHijri.GetDayOfMonth(local):D2} ساعت {local.Hour:D2}:{local.Minute:D2}");
        return PersianText.ToPersianDigits(text);
    }

    /// <summary>
    /// The moment <paramref name="utc"/> in <paramref name="zone"/> as a member reads it: weekday, day, month name,
    /// year and time, e.g. «سه‌شنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰».
    /// </summary>
    public static string LongDate(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone);
        return Day(local) + "، ساعت " + PersianText.ToPersianDigits(string.Create(CultureInfo.InvariantCulture, $"{local.Hour:D2}:{local.Minute:D2}"));
    }

    /// <summary>A calendar day (its time ignored) as a member reads it: weekday, day, month name and year, e.g. «سه‌شنبه ۱۵ آذر ۱۴۰۵».</summary>
    public static string Day(DateTime day) =>
        $"{Texts.WeekdayName(day.DayOfWeek)} {PersianText.ToPersianDigits(SolarHijri.GetDayOfMonth(day))} " +
        $"{Texts.SolarMonthName(SolarHijri.GetMonth(day))} {PersianText.ToPersianDigits(SolarHijri.GetYear(day))}";

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
