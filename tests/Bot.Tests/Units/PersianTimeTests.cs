using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Units;

public sealed class PersianTimeTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    // The strings are what Humanizer 3.0.10's fa resources actually give, digits made Persian.
    [Theory]
    [InlineData(0, "الآن")]
    [InlineData(1, "یک ثانیه پیش")]
    [InlineData(30, "۳۰ ثانیه پیش")]
    [InlineData(60, "یک دقیقه پیش")]
    [InlineData(5 * 60, "۵ دقیقه پیش")]
    [InlineData(59 * 60, "۵۹ دقیقه پیش")]
    [InlineData(3600, "یک ساعت پیش")]
    [InlineData(2 * 3600, "۲ ساعت پیش")]
    [InlineData(86400, "دیروز")]
    [InlineData(2 * 86400, "۲ روز پیش")]
    [InlineData(13 * 86400, "۱۳ روز پیش")]
    [InlineData(30 * 86400, "یک ماه پیش")]
    [InlineData(60 * 86400, "۲ ماه پیش")]
    [InlineData(365 * 86400, "یک سال پیش")]
    [InlineData(800 * 86400, "۲ سال پیش")]
    [InlineData(-5 * 60, "۵ دقیقه بعد")]
    [InlineData(-86400, "فردا")]
    [InlineData(-2 * 86400, "۲ روز بعد")]
    public void Relative_times_are_Persian_with_Persian_digits(int secondsAgo, string expected) =>
        Assert.Equal(expected, PersianTime.Relative(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void Relative_takes_unspecified_kinds_as_UTC()
    {
        var then = DateTime.SpecifyKind(Now.AddDays(-2), DateTimeKind.Unspecified);
        Assert.Equal("۲ روز پیش", PersianTime.Relative(then, Now));
    }

    [Theory]
    // Verified against the machine's tzdata: Tehran is UTC+03:30 all year since Iran dropped DST in 2022.
    [InlineData(2026, 11, 28, 18, 52, "۱۴۰۵/۰۹/۰۷ ساعت ۲۲:۲۲")]
    [InlineData(2026, 6, 1, 12, 0, "۱۴۰۵/۰۳/۱۱ ساعت ۱۵:۳۰")] // summer: still +03:30
    [InlineData(2021, 6, 1, 12, 0, "۱۴۰۰/۰۳/۱۱ ساعت ۱۶:۳۰")] // 2021 still had DST: +04:30
    [InlineData(2026, 3, 20, 20, 30, "۱۴۰۵/۰۱/۰۱ ساعت ۰۰:۰۰")] // Nowruz 1405 starts at Tehran midnight
    [InlineData(2026, 3, 20, 20, 29, "۱۴۰۴/۱۲/۲۹ ساعت ۲۳:۵۹")]
    public void Dates_are_Solar_Hijri_in_the_zone_with_Persian_digits(int y, int mo, int d, int h, int mi, string expected)
    {
        var tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
        Assert.Equal(expected, PersianTime.Date(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc), tehran));
    }

    [Fact]
    public void Dates_follow_the_zone_given()
    {
        var utc = new DateTime(2026, 11, 28, 18, 52, 0, DateTimeKind.Utc);
        Assert.Equal("۱۴۰۵/۰۹/۰۷ ساعت ۱۸:۵۲", PersianTime.Date(utc, TimeZoneInfo.Utc));
        Assert.Equal("۱۴۰۵/۰۹/۰۷ ساعت ۱۸:۵۲", PersianTime.Date(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeZoneInfo.Utc));
    }
}
