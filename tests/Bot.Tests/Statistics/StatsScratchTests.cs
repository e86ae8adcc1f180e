using Assembly.Bot.Demo;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Statistics;

namespace Assembly.Bot.Tests.Statistics;

public sealed class StatsScratchTests
{
    [Fact]
    public async Task Scratch()
    {
        using var chat = new ChatHarness();
        await using var db = chat.Db();
        await DemoReports.SeedAsync(db, chat.Context.Assembly, chat.Now, chat.Context.Zone);
        var period = StatsPeriod.OfMonths(SolarMonth.FromIndex(SolarMonth.Of(chat.Now, chat.Context.Zone).Index - 11), SolarMonth.Of(chat.Now, chat.Context.Zone), chat.Context.Zone);
        var scope = new StatsScope(chat.Context.Assembly.Secretariats, true);
        var stats = await ReportStatistics.ComputeAsync(db, period, scope, chat.Now, chat.Context.Zone, CancellationToken.None);
        File.WriteAllBytes("/tmp/permonth.png", ReportCharts.PerMonth(stats, chat.Context.Zone));
        File.WriteAllBytes("/tmp/outcomes.png", ReportCharts.Outcomes(stats));
        File.WriteAllText("/tmp/stats.txt", Assembly.Conversations.Text.Texts.StatsMessage(stats) + "\n\n-----\n" + Assembly.Conversations.Text.Texts.SessionSummary(stats, "نهمین اجلاسیه", 3, 3));
    }
}
