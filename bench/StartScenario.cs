using System.Diagnostics;
using Assembly.FakeBotApi;

namespace Assembly.Bench;

/// <summary>
/// Start: from the process being started (the bot's own executable, <see cref="BotProcess"/>) to its first
/// getUpdates at the fake, twice a run: on a new database (the schema created by migrations) and again on the
/// same file (a restart, the everyday case).
/// </summary>
internal static class StartScenario
{
    private const string Name = "start";

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options)
    {
        var fresh = new Measure(Name, "process start → first getUpdates, new database", "ms", []);
        var again = new Measure(Name, "process start → first getUpdates, existing database (restart)", "ms", []);
        Console.Error.WriteLine($"start: the bot's executable started and stopped; a warm-up run (disk cache), then {options.Runs} counted");
        for (var run = 0; run <= options.Runs; run++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "assembly-bench", "start-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var first = await TimeStartAsync(folder, options.Settings);
                var second = await TimeStartAsync(folder, options.Settings);
                Console.Error.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}")}: new database {first.TotalMilliseconds:0} ms, restart {second.TotalMilliseconds:0} ms");
                if (run == 0) continue;
                fresh.Values.Add(first.TotalMilliseconds);
                again.Values.Add(second.TotalMilliseconds);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return [fresh, again];
    }

    private static async Task<TimeSpan> TimeStartAsync(string folder, IEnumerable<KeyValuePair<string, string>> settings)
    {
        await using var fake = await FakeBotApiServer.StartAsync();
        var clock = Stopwatch.StartNew();
        await using var bot = BotProcess.Start(fake, Path.Combine(folder, "bot.db"), folder, settings);
        try
        {
            // Checked at every request the fake answers, so the time is the request's, not a poll's.
            await fake.WaitUntilAsync(f => f.GetUpdatesCalls > 0, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            throw new BenchFailure("The bot did not poll within 60 s: " + e.Message);
        }

        return clock.Elapsed;
    }
}
