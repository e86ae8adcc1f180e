using Assembly.Conversations.Meetings;

namespace Assembly.Bot.Tests.Units;

/// <summary>Session times typed in every form people use, and the bot's own display read back.</summary>
public sealed class MeetingTimeTests
{
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    /// <summary>Saturday 1405/09/07, 15:30 in Tehran.</summary>
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static DateTime Tehranish(int y, int mo, int d, int h, int mi) => new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc).AddHours(-3.5);

    [Theory]
    [InlineData("1405/09/15 17:30", 2026, 12, 6, 17, 30)]
    [InlineData("۱۴۰۵/۹/۱۵ ساعت ۱۷:۳۰", 2026, 12, 6, 17, 30)]
    [InlineData("١٤٠٥/٠٩/١٥ ١٧:٣٠", 2026, 12, 6, 17, 30)]
    [InlineData("یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", 2026, 12, 6, 17, 30)]
    [InlineData("يک شنبه ١٥ آذر ١٤٠٥ ساعت ١٧:٣٠", 2026, 12, 6, 17, 30)] // Arabic yeh and kaf, a space for the half-space
    [InlineData("۱۵ آذر ۱۴۰۵ ساعت ۱۷", 2026, 12, 6, 17, 0)]
    [InlineData("۱۵ آذر ساعت ۱۷:۳۰", 2026, 12, 6, 17, 30)] // no year: this year's day, still ahead
    [InlineData("۱ آذر ساعت ۱۰", 2027, 11, 22, 10, 0)] // no year, this year's day gone: next year's
    [InlineData("فردا ساعت ۱۷", 2026, 11, 29, 17, 0)]
    [InlineData("پس‌فردا ۹:۱۵", 2026, 11, 30, 9, 15)]
    [InlineData("امروز ساعت ۲۰", 2026, 11, 28, 20, 0)]
    [InlineData("سه‌شنبه ساعت ۱۷", 2026, 12, 1, 17, 0)]
    [InlineData("شنبه ساعت ۱۰", 2026, 12, 5, 10, 0)] // today's hour is gone: next week's
    public void The_forms_people_write_are_read(string text, int y, int mo, int d, int h, int mi)
    {
        Assert.True(MeetingTime.TryParse(text, Tehran, Now, out var utc), text);
        Assert.Equal(Tehranish(y, mo, d, h, mi), utc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("فردا")] // no hour
    [InlineData("فردا صبح")]
    [InlineData("1405/12/30 10:00")] // 1405 is not a leap year
    [InlineData("1405/09/15 25:00")]
    [InlineData("1405/09/15 17:60")]
    [InlineData("۳۲ آذر ۱۴۰۵ ساعت ۱۷")]
    [InlineData("شنبه ۱۵ آذر ۱۴۰۵ ساعت ۱۷")] // that day is a Sunday
    [InlineData("۱۵ آذرماه ۱۴۰۵ ساعت ۱۷")]
    [InlineData("هفته بعد ساعت ۱۷")]
    public void Anything_else_is_refused(string text) => Assert.False(MeetingTime.TryParse(text, Tehran, Now, out _), text);

    [Fact]
    public void The_bots_own_display_is_read_back_to_the_same_minute()
    {
        for (var at = Now.AddMinutes(7); at < Now.AddDays(400); at = at.AddHours(31).AddMinutes(13))
        {
            var shown = MeetingTime.Format(at, Tehran);
            Assert.True(MeetingTime.TryParse(shown, Tehran, Now, out var read), shown);
            Assert.Equal(at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute)), read);
        }

        Assert.Equal("یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۱۷:۳۰", MeetingTime.Format(Tehranish(2026, 12, 6, 17, 30), Tehran));
    }
}
