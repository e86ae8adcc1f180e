using Assembly.Bot.Pipeline;
using Assembly.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.Units;

/// <summary>The pipeline's retry of a transaction through a bad moment of the database, on a fake clock.</summary>
public sealed class DatabaseRetryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly LogCollector _logs = new();

    private DatabaseRetry Retry() => new(_clock, _logs.CreateLogger("retry"));

    [Fact]
    public async Task A_transient_error_is_tried_again_after_each_pause_of_the_clock_and_then_succeeds()
    {
        var attempts = 0;
        var run = Retry().RunAsync(() =>
        {
            attempts++;
            return attempts <= 3 ? throw new SqliteException("database is locked", 5, 5) : Task.CompletedTask;
        }, "telegram", "a lane of 2 updates", CancellationToken.None);

        foreach (var pause in DatabaseRetry.Pauses)
        {
            var before = attempts;
            await Eventually.TrueAsync(() => _logs.Lines.Count == before);
            // The clock moves in small steps from the failure on; the next try comes only once the pause is over.
            var advanced = TimeSpan.Zero;
            while (attempts == before)
            {
                Assert.True(advanced < pause * 2, "the next try never came");
                _clock.Advance(pause / 20);
                advanced += pause / 20;
                await Task.Delay(2);
            }

            Assert.True(advanced >= pause, $"tried again after {advanced} of a {pause} pause");
        }

        await run;
        Assert.Equal(4, attempts);
        Assert.Contains(_logs.Lines, l => l.Contains("a lane of 2 updates met a transient database error; retry 3 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_three_retries_the_error_is_the_callers()
    {
        var attempts = 0;
        var run = Retry().RunAsync(() =>
        {
            attempts++;
            throw new SqliteException("database is locked", 5, 5);
        }, "bale", "update 7", CancellationToken.None);

        while (!run.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        await Assert.ThrowsAsync<SqliteException>(() => run);
        Assert.Equal(1 + DatabaseRetry.Pauses.Count, attempts);
    }

    [Fact]
    public async Task Any_other_error_is_the_callers_at_once()
    {
        var attempts = 0;
        var run = Retry().RunAsync(() =>
        {
            attempts++;
            throw new SqliteException("UNIQUE constraint failed", 19, 2067);
        }, "bale", "update 7", CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(() => run);
        Assert.Equal(1, attempts);
        Assert.Empty(_logs.Lines);
    }
}
