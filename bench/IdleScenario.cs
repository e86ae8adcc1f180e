using Assembly.FakeBotApi;
using Microsoft.Data.Sqlite;

namespace Assembly.Bench;

/// <summary>
/// Idle: what the bot costs when nobody writes to it, the state it spends most of its life in. The bot's own
/// executable (<see cref="BotProcess"/>, a fresh database) and the grammY peer (<see cref="PeerUnderTest"/>) each
/// long-poll a fake of their own with the same timeout as in production (25 s), which the fake holds as Telegram
/// does, so neither spins because of the fake. Both are started together, left to settle (start-up, JIT, the first
/// turns of the housekeeping), then watched over the same window: CPU time used (utime + stime) as a percentage of
/// one core, and resident memory (VmRSS) at the window's end. Each also reports its getUpdates count in the window, so
/// a bot that polls more often than the timeout would show it.
/// </summary>
internal static class IdleScenario
{
    private const string Name = "idle";

    /// <summary>Production's long-poll timeout (appsettings.json), for both.</summary>
    private const int PollTimeoutSeconds = 25;

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options)
    {
        var peerFolder = PeerUnderTest.Folder() ?? throw new BenchFailure("bench/peer-grammy was not found.");
        var who = new[] { "bot", "grammY peer" };
        var cpu = who.ToDictionary(w => w, w => new Measure(Name, $"{w}: CPU over {options.Seconds} s idle, after {options.Settle} s to settle", "% of a core", []));
        var rss = who.ToDictionary(w => w, w => new Measure(Name, $"{w}: resident memory (VmRSS) at the end", "MB", []));
        Console.Error.WriteLine($"idle: the bot's executable and the grammY peer long-polling ({PollTimeoutSeconds} s) with nothing to do; "
            + $"{options.Settle} s to settle, then {options.Seconds} s measured; {options.Runs} runs"
            + (options.Restart ? "; the bot restarted on a database a first start created" : "; the bot on a new database"));
        for (var run = 1; run <= options.Runs; run++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "assembly-bench", "idle-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var database = Path.Combine(folder, "bot.db");
                if (options.Restart) await MigrateOnceAsync(database, folder, options);
                await using var fake = await FakeBotApiServer.StartAsync();
                await using var bot = BotProcess.Start(fake, database, folder,
                    [new("Messengers:Telegram:PollTimeoutSeconds", PollTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. options.Settings]);
                await using var peer = await PeerUnderTest.StartAsync(peerFolder, PollTimeoutSeconds);
                await fake.WaitUntilAsync(f => f.GetUpdatesCalls > 0, TimeSpan.FromSeconds(60));
                await Task.Delay(TimeSpan.FromSeconds(options.Settle));

                var (botBefore, peerBefore) = (ProcessSample.Take(bot.Id), ProcessSample.Take(peer.Id));
                var (botPolls, peerPolls) = (fake.GetUpdatesCalls, peer.Fake.GetUpdatesCalls);
                await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
                var (botAfter, peerAfter) = (ProcessSample.Take(bot.Id), ProcessSample.Take(peer.Id));

                var results = new Dictionary<string, (double Cpu, double Rss, int Polls)>
                {
                    ["bot"] = (botAfter.CpuPercentSince(botBefore), botAfter.ResidentMb, fake.GetUpdatesCalls - botPolls),
                    ["grammY peer"] = (peerAfter.CpuPercentSince(peerBefore), peerAfter.ResidentMb, peer.Fake.GetUpdatesCalls - peerPolls),
                };
                foreach (var (w, r) in results)
                {
                    Console.Error.WriteLine($"  run {run} {w}: {r.Cpu:0.00} % of a core, {r.Rss:0} MB resident, {r.Polls} getUpdates in the window");
                    cpu[w].Values.Add(r.Cpu);
                    rss[w].Values.Add(r.Rss);
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        return [.. who.SelectMany(w => new[] { cpu[w], rss[w] })];
    }

    /// <summary>
    /// With --restart the bot measured is the second one on its database, as after every deploy or reboot: a first
    /// start creates the schema and is stopped once it polls.
    /// </summary>
    private static async Task MigrateOnceAsync(string database, string folder, BenchOptions options)
    {
        await using var fake = await FakeBotApiServer.StartAsync();
        await using var first = BotProcess.Start(fake, database, folder, options.Settings);
        await fake.WaitUntilAsync(f => f.GetUpdatesCalls > 0, TimeSpan.FromSeconds(60));
    }
}
