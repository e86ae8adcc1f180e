using Assembly.Bot.Messengers;
using Assembly.Bot.Observability;
using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.Units;

public sealed class HealthCheckTests
{
    private sealed class NamedMessenger(string name) : IMessengerClient
    {
        public string Name => name;
        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task SetCommandsAsync(IReadOnlyList<Conversations.Commands.MenuEntry> commands, CancellationToken ct) => Task.CompletedTask;
        public Task<IReadOnlyList<InboundUpdate>> GetUpdatesAsync(long offset, int timeoutSeconds, CancellationToken ct) => throw new InvalidOperationException("not polled here");
        public Task<SendOutcome> SendAsync(Conversations.Messages.OutgoingMessage message, CancellationToken ct) => throw new InvalidOperationException("not sent here");
    }

    [Fact]
    public async Task A_messenger_is_unhealthy_only_once_its_latest_call_failed_and_nothing_was_answered_for_two_minutes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
        var calls = new MessengerCalls(time);
        var check = new MessengersHealthCheck([new NamedMessenger("telegram"), new NamedMessenger("bale")], calls, time);
        async Task<HealthStatus> StatusAsync() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

        Assert.Equal(HealthStatus.Healthy, await StatusAsync()); // no call yet: nothing known to be wrong
        calls.Answered("telegram");
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HealthStatus.Healthy, await StatusAsync()); // idle, not broken
        calls.Failed("telegram", "HttpRequestException: connection refused");
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync());
        calls.Answered("telegram");
        Assert.Equal(HealthStatus.Healthy, await StatusAsync());
        time.Advance(TimeSpan.FromSeconds(30));
        calls.Failed("bale", "TimeoutException");
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync()); // bale never answered
        calls.Answered("bale");
        time.Advance(TimeSpan.FromSeconds(30));
        calls.Failed("bale", "TimeoutException");
        Assert.Equal(HealthStatus.Healthy, await StatusAsync()); // answered 30 s ago: one failure is the internet
        time.Advance(MessengersHealthCheck.Grace);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("bale", result.Description);
        Assert.DoesNotContain("telegram", result.Description);
    }

    [Fact]
    public async Task A_messenger_that_does_not_answer_is_reported_unreachable_since_its_first_failure_until_it_answers()
    {
        var start = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var calls = new MessengerCalls(time);
        var check = new MessengersHealthCheck([new NamedMessenger("telegram")], calls, time);
        async Task<(HealthReportEntry Entry, DateTimeOffset? Since)> ReadAsync()
        {
            var result = await check.CheckHealthAsync(new HealthCheckContext());
            var data = (IDictionary<string, object?>)result.Data["telegram"];
            return (new HealthReportEntry(result.Status, result.Description, TimeSpan.Zero, null, result.Data), (DateTimeOffset?)data["unreachableSince"]);
        }

        calls.Answered("telegram");
        Assert.Null((await ReadAsync()).Since);
        time.Advance(TimeSpan.FromMinutes(1));
        calls.Failed("telegram", "502: Bad Gateway");
        time.Advance(TimeSpan.FromMinutes(30));
        calls.Failed("telegram", "HttpRequestException: connection refused"); // a later failure does not move it

        var (entry, since) = await ReadAsync();
        Assert.Equal(start.AddMinutes(1), since);
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("telegram since 2026-11-29 08:01:00 UTC", entry.Description);

        calls.Answered("telegram");
        Assert.Null((await ReadAsync()).Since);
        Assert.Equal(HealthStatus.Healthy, (await ReadAsync()).Entry.Status);
    }

    [Fact]
    public async Task The_database_check_fails_when_the_database_cannot_be_opened_and_passes_when_it_can()
    {
        using var database = TestDatabase.OnSqlite();
        var redactor = new SecretRedactor([]);
        var missing = new DatabaseHealthCheck(Factory("Data Source=" + Path.Combine(Path.GetDirectoryName(database.File)!, "no-such-folder", "bot.db")), redactor);
        var present = new DatabaseHealthCheck(Factory(database.ConnectionString), redactor);

        var bad = await missing.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, bad.Status);
        Assert.StartsWith("does not answer: ", bad.Description);
        Assert.Equal(HealthStatus.Healthy, (await present.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private static IDbContextFactory<BotDbContext> Factory(string connectionString) =>
        new PooledDbContextFactory<BotDbContext>(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(connectionString).Options);
}
