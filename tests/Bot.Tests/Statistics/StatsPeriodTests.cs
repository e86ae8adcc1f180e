using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Statistics;

/// <summary>Periods as organizers type them, in Solar Hijri months, Tehran time; and every way to get one wrong.</summary>
public sealed class StatsPeriodTests
{
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    /// <summary>2026-11-28 12:00 UTC is 1405/09/07 in Tehran.</summary>
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static StatsPeriod Parse(string text)
    {
        Assert.True(StatsPeriod.TryParse(text, Now, Tehran, out var period, out var error), error);
        return period;
    }

    private static string Refused(string text)
    {
        Assert.False(StatsPeriod.TryParse(text, Now, Tehran, out _, out var error));
        return error;
    }

    [Fact]
    public void Nothing_is_this_Solar_month_from_Tehran_midnight_of_its_first_day()
    {
        var period = Parse("");
        Assert.Equal("آذر ۱۴۰۵", period.Label);
        Assert.Equal(new DateTime(2026, 11, 21, 20, 30, 0, DateTimeKind.Utc), period.Start); // 1405/09/01 00:00 +03:30
        Assert.Equal(new DateTime(2026, 12, 21, 20, 30, 0, DateTimeKind.Utc), period.End);   // 1405/10/01
        Assert.Equal("آبان ۱۴۰۵", period.Previous(Tehran).Label);
    }

    [Theory]
    [InlineData("1404/08")]
    [InlineData("۱۴۰۴/۰۸")]
    [InlineData("١٤٠٤/٠٨")]
    [InlineData("1404/8")]
    [InlineData("1404-08")]
    [InlineData(" ۱۴۰۴ / ۸ ")]
    public void A_month_in_any_digits(string text)
    {
        var period = Parse(text);
        Assert.Equal("آبان ۱۴۰۴", period.Label);
        Assert.Equal(1, period.Months);
        Assert.Equal("مهر ۱۴۰۴", period.Previous(Tehran).Label);
    }

    [Fact]
    public void A_year_is_its_twelve_months_and_is_compared_with_the_year_before()
    {
        var period = Parse("۱۴۰۴");
        Assert.Equal("سال ۱۴۰۴", period.Label);
        Assert.Equal(12, period.Months);
        Assert.Equal(new DateTime(2025, 3, 20, 20, 30, 0, DateTimeKind.Utc), period.Start); // Nowruz 1404
        Assert.Equal(new DateTime(2026, 3, 20, 20, 30, 0, DateTimeKind.Utc), period.End);
        Assert.Equal("سال ۱۴۰۳", period.Previous(Tehran).Label);
        Assert.Equal(12, period.MonthsCovered(Tehran).Count);
    }

    [Theory]
    [InlineData("1404/01 تا 1404/06")]
    [InlineData("۱۴۰۴/۰۱ تا ۱۴۰۴/۰۶")]
    [InlineData("1404/01 - 1404/06")]
    [InlineData("1404/01-1404/06")]
    [InlineData("1404/1–1404/6")]
    public void A_range_of_months_is_compared_with_as_many_months_before(string text)
    {
        var period = Parse(text);
        Assert.Equal("فروردین ۱۴۰۴ تا شهریور ۱۴۰۴", period.Label);
        Assert.Equal(6, period.Months);
        Assert.Equal("مهر ۱۴۰۳ تا اسفند ۱۴۰۳", period.Previous(Tehran).Label);
    }

    [Fact]
    public void A_range_of_years_and_a_range_across_the_new_year()
    {
        Assert.Equal(24, Parse("1403 تا 1404").Months);
        var across = Parse("1404/11 تا 1405/02");
        Assert.Equal(4, across.Months);
        Assert.Equal(["بهمن", "اسفند", "فروردین", "اردیبهشت"], across.MonthsCovered(Tehran).Select(m => m.ShortLabel));
    }

    [Fact]
    public void The_month_under_way_and_a_range_reaching_it_are_accepted()
    {
        Assert.Equal("آذر ۱۴۰۵", Parse("1405/09").Label);
        Assert.Equal(9, Parse("1405/01 تا 1405/09").Months);
        Assert.Equal("سال ۱۴۰۵", Parse("1405").Label);
    }

    [Theory]
    [InlineData("1404/13", 13)]
    [InlineData("۱۴۰۴/۰", 0)]
    [InlineData("1404/00", 0)]
    public void A_month_that_is_not_in_the_calendar(string text, int month) => Assert.Equal(Texts.StatsNoSuchMonth(month), Refused(text));

    [Theory]
    [InlineData("1405/10")]
    [InlineData("1406")]
    [InlineData("1405/10 تا 1405/12")]
    public void A_period_still_to_come(string text) => Assert.Equal(Texts.StatsFuturePeriod, Refused(text));

    [Theory]
    [InlineData("آبان")]
    [InlineData("1404/08/15")]
    [InlineData("04/08")]
    [InlineData("۱۴۰۴/۰۸ تا")]
    [InlineData("سال گذشته")]
    public void Malformed(string text) => Assert.StartsWith("دوره «", Refused(text));

    [Fact]
    public void A_year_out_of_range_and_a_range_backwards()
    {
        Assert.Equal(Texts.StatsNoSuchYear(1200), Refused("1200"));
        Assert.Equal(Texts.StatsRangeReversed, Refused("1404/06 تا 1404/01"));
    }

    [Theory]
    [InlineData("1399 تا 1404")]
    [InlineData("1399/12 تا 1404/12")]
    [InlineData("1390 تا 1405/09")]
    public void A_period_longer_than_five_years(string text) => Assert.Equal(Texts.StatsPeriodTooLong, Refused(text));

    [Fact]
    public void Five_years_are_the_most_a_period_holds()
    {
        Assert.Equal(60, Parse("1400 تا 1404").Months);
        Assert.Equal(StatsPeriod.MaxMonths, Parse("1400/10 تا 1405/09").Months);
    }

    [Fact]
    public void The_year_before_a_session_ends_at_the_session_or_now_whichever_comes_first()
    {
        var held = StatsPeriod.YearBefore(Now.AddDays(-10), Now, Tehran);
        Assert.Equal(Now.AddDays(-10), held.End);
        Assert.Equal("۱۴۰۴/۰۸/۲۷ تا ۱۴۰۵/۰۸/۲۷", held.Label);
        var coming = StatsPeriod.YearBefore(Now.AddDays(10), Now, Tehran);
        Assert.Equal(Now, coming.End);
    }

    [Theory]
    [InlineData("دی ۱۴۰۴", "دی ۴۰۴۱")]
    [InlineData("۲۵", "۵۲")]
    [InlineData("۳٫۵ روز", "۵٫۳ روز")]
    [InlineData("بی عدد", "بی عدد")]
    [InlineData("۱۴۰۴/۰۱ تا ۱۴۰۴/۰۶", "۱۰/۴۰۴۱ تا ۶۰/۴۰۴۱")]
    public void Numbers_are_prepared_for_the_right_to_left_run_of_a_chart_label(string text, string visual) =>
        Assert.Equal(visual, ChartText.Visual(text));
}
