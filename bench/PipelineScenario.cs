using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bench;

/// <summary>
/// Throughput: N updates from M users wait on the server before the bot starts, so the pipeline never
/// waits for input and runs at its own pace. Two figures per run, both counted from the moment the host
/// has started (schema migrated, loops running; the start itself is reported on its own line):
/// replies/s up to the last reply recorded by the fake, and updates/s up to the last update handled
/// (the latest processed marker's time stamp, written in the transaction that committed it).
/// </summary>
internal static class PipelineScenario
{
    private const string Name = "pipeline";

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options, Profiler? profiler)
    {
        var replies = new Measure(Name, "replies per second (host started → last reply recorded)", "updates/s", []);
        var committed = new Measure(Name, "updates per second (host started → last update committed)", "updates/s", []);
        var startup = new Measure(Name, "host start (migrate a new database, start the loops)", "ms", []);

        Console.Error.WriteLine($"pipeline: {options.Updates} updates from {options.Users} users; a warm-up run, then {options.Runs} counted");
        for (var run = 0; run <= options.Runs; run++)
        {
            var result = await RunOnceAsync(options, run == 0 ? null : profiler);
            Console.Error.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}")}: {result.RepliesPerSecond:0} replies/s, "
                + $"{result.CommittedPerSecond:0} committed/s, start {result.Startup.TotalMilliseconds:0} ms; {result.Spending}");
            if (run == 0) continue;
            replies.Values.Add(result.RepliesPerSecond);
            committed.Values.Add(result.CommittedPerSecond);
            startup.Values.Add(result.Startup.TotalMilliseconds);
        }

        return [replies, committed, startup];
    }

    private sealed record Result(double RepliesPerSecond, double CommittedPerSecond, TimeSpan Startup, string Spending);

    /// <param name="profiler">Null for the warm-up, which is not counted.</param>
    private static async Task<Result> RunOnceAsync(BenchOptions options, Profiler? profiler)
    {
        await using var bot = await BotUnderTest.CreateAsync();
        var commands = new CommandSet(options.Users);
        for (var i = 0; i < options.Updates; i++) commands.Enqueue(bot.Fake, i);

        var clock = Stopwatch.StartNew();
        await bot.StartAsync(options.Settings);
        var startup = clock.Elapsed;
        // The clock of the fake's SentMessage.At and of the bot's own time stamps.
        var started = TimeProvider.System.GetUtcNow();
        var before = RunCounters.Take();
        if (profiler is not null) profiler.Recording = true;

        // Generous, so that only a stuck bot fails: ten times slower than today still finishes.
        var timeout = TimeSpan.FromSeconds(60 + options.Updates / 50.0);
        try
        {
            await bot.WaitForSendsAsync(options.Updates, timeout);
            // The last batch is confirmed by the next getUpdates, which the bot makes only after committing it.
            await bot.Fake.WaitUntilAsync(fake => fake.PendingUpdates == 0, timeout);
        }
        catch (TimeoutException e)
        {
            throw new BenchFailure(e.Message);
        }

        var spending = RunCounters.Take().Describe(before, clock.Elapsed - startup, options.Updates);
        if (profiler is not null)
        {
            profiler.Recording = false;
            profiler.AddRun(clock.Elapsed - startup, options.Updates);
        }

        await bot.WaitForOutboxSettledAsync(TimeSpan.FromSeconds(30));
        var sent = bot.Fake.Sent;
        commands.Verify(sent);

        await using var db = bot.Db();
        var processed = await db.ProcessedUpdates.CountAsync();
        if (processed != options.Updates)
            throw new BenchFailure($"{processed} updates are marked processed in the database, not {options.Updates}.");
        var lastHandled = await db.ProcessedUpdates.MaxAsync(p => p.ProcessedAt);

        return new Result(
            options.Updates / (sent.Max(m => m.At) - started).TotalSeconds,
            options.Updates / (new DateTimeOffset(lastHandled) - started).TotalSeconds,
            startup,
            spending);
    }
}
