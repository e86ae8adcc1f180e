using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assembly.Bot.Tests.Support;
using Assembly.FakeBotApi;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Metrics are collected by meter name for the whole process, so these tests run alone (their own collection,
/// not in parallel with others) and the counts they read are this host's only.
/// </summary>
[CollectionDefinition(nameof(HealthAndMetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(HealthAndMetricsTests))]
[Trait(Suites.Name, Suites.Slow)]
public sealed class HealthAndMetricsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Healthz_says_the_database_answers_and_when_each_messenger_last_answered()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?> { ["Http:Urls"] = "http://127.0.0.1:0" });
        await telegram.WaitUntilAsync(t => t.GetUpdatesCalls > 0, Wait);
        using var http = new HttpClient();

        var response = await http.GetAsync(bot.HttpAddress + "/healthz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var messenger = body.GetProperty("checks").GetProperty("messengers");
        Assert.Equal("Healthy", messenger.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, messenger.GetProperty("data").GetProperty("telegram").GetProperty("lastAnswer").ValueKind);
        Assert.DoesNotContain(telegram.Token, body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_updates_sends_and_the_outbox_in_prometheus_format()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: WebhookTests.TelegramWebhook());
        telegram.RouteWebhookTo(bot.HttpAddress);
        for (var user = 7501; user <= 7503; user++) telegram.EnqueueText(user, "/help");
        // The fake records a post once its answer is back, which may be after the reply it caused has arrived.
        await telegram.WaitUntilAsync(t => Enumerable.Range(7501, 3).All(u => t.SentTo(u).Count >= 1) && t.WebhookPosts.Count >= 3, Wait);
        using var http = new HttpClient();
        // The same update posted again is a duplicate, not a second handling.
        await WebhookTests.PostAsync(http, bot.HttpAddress + "/hooks/telegram", WebhookTests.Update(telegram.WebhookPosts[0].UpdateId, 7501, "/help"),
            "telegram-webhook-secret-0123456789abcdef");

        // The outbox gauges are counted every 10 s (OutboxGauges), so a count taken while the three replies still
        // waited may stand for up to 10 s after they were sent: wait for both.
        var text = "";
        await Eventually.TrueAsync(async () =>
        {
            text = await http.GetStringAsync(bot.HttpAddress + "/metrics");
            return Value(text, "assembly_bot_messages_sent_total", "priority=\"interactive\"") == 3
                   && Value(text, "assembly_bot_outbox_pending", "messenger=\"telegram\"") == 0;
        }, seconds: 25);

        Assert.Equal(3, Value(text, "assembly_bot_messages_sent_total", "priority=\"interactive\""));
        Assert.Equal(3, Value(text, "assembly_bot_updates_total", "result=\"handled\""));
        Assert.Equal(1, Value(text, "assembly_bot_updates_total", "result=\"duplicate\""));
        Assert.Equal(0, Value(text, "assembly_bot_outbox_pending", "messenger=\"telegram\""));
        Assert.Contains("assembly_bot_outbox_oldest_age_seconds", text);
        Assert.DoesNotContain("assembly_bot_messages_throttled_total{", text); // no 429 yet: no series
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels include <paramref name="label"/>.</summary>
    internal static double? Value(string exposition, string metric, string label)
    {
        foreach (var line in exposition.Split('\n'))
        {
            var match = Regex.Match(line, $@"^{metric}\{{(?<labels>[^}}]*)\}} (?<value>\S+)");
            if (match.Success && match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
                return double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }
}
