using Assembly.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bench;

/// <summary>
/// The report conversation under load (issue 6): M members each file R reports through the whole
/// conversation, nine updates a report, every step committed to SQLite on disk (<see cref="ConversationDriver"/>).
/// Without --rate every member answers at once and the figure is throughput: updates ÷ (first step sent →
/// last reply recorded). With --rate the steps are let out at that many per second and the figure is the
/// latency of each reply. With --peer every round runs the grammY peer right after the bot, against a fake of
/// its own, so both meet the same machine state; the ratio is taken per round and its median reported.
///
/// The members are registered beforehand in the bot's database (registration is another conversation); the
/// peer has no registration, so it does a little less per report than the bot.
/// </summary>
internal static class ConversationScenario
{
    private const string Name = "conversation";

    /// <summary>Members' user ids (and private chat ids) start here.</summary>
    private const long FirstMember = 710_000_001;

    /// <summary>Members who only warm up a bot of its own process; their reports are not counted.</summary>
    private const long WarmUpMember = FirstMember + 1_000_000;

    private static readonly double[] Percentiles = [50, 99, 100];

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options, Profiler? profiler)
    {
        var rate = options.Rate;
        var paced = rate > 0;
        var peerFolder = options.Peer ? PeerUnderTest.Folder() ?? throw new BenchFailure("bench/peer-grammy was not found.") : null;
        var who = new List<string> { "bot" };
        if (peerFolder is not null) who.Add("grammY peer");

        var throughput = who.ToDictionary(w => w, w => new Measure(Name, $"{w}: updates per second (first step sent → last reply)", "updates/s", []));
        var latency = who.ToDictionary(w => w, w => Percentiles.Select(p =>
            new Measure(Name, $"{w}: reply latency {(p == 100 ? "max" : $"p{p:0}")} (step sent → reply recorded)", "ms", [])).ToList());
        var ratio = new Measure(Name, "bot ÷ peer throughput, same round", "×", []);
        // CPU time the bot's process spent per update over the counted run: little disturbed by other work on the machine.
        var botCpu = new Measure(Name, "bot: CPU time per update (bot process, utime + stime)", "µs", []);

        Console.Error.WriteLine($"{options.Scenario}: {options.Users} members × {options.Reports} reports × {ReportScript.Steps} steps"
            + (paced ? $" at {rate} steps/s" : " as fast as answered") + (peerFolder is null ? "" : ", the bot then the grammY peer each round")
            + $"; a warm-up round, then {options.Runs} counted");
        for (var run = 0; run <= options.Runs; run++)
        {
            var results = new Dictionary<string, Result> { ["bot"] = await RunBotAsync(options, rate, run == 0 ? null : profiler) };
            if (peerFolder is not null) results["grammY peer"] = await RunPeerAsync(options, rate, peerFolder);
            foreach (var (w, r) in results)
                Console.Error.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}")} {w}: {r.PerSecond:0} updates/s, p50 {Stats.Percentile(r.Latencies, 50):0.0} ms, "
                    + $"p99 {Stats.Percentile(r.Latencies, 99):0.0} ms, max {r.Latencies[^1]:0} ms; {r.Acknowledgements} acknowledgements, {r.Unexpected} unexpected messages {r.Spending}");
            if (run == 0) continue;
            foreach (var (w, r) in results)
            {
                throughput[w].Values.Add(r.PerSecond);
                for (var i = 0; i < Percentiles.Length; i++) latency[w][i].Values.Add(Stats.Percentile(r.Latencies, Percentiles[i]));
            }

            if (peerFolder is not null) ratio.Values.Add(results["bot"].PerSecond / results["grammY peer"].PerSecond);
            if (results["bot"].CpuPerUpdate is { } cpu) botCpu.Values.Add(cpu);
        }

        var measures = new List<Measure>();
        foreach (var w in who) measures.AddRange([throughput[w], .. latency[w]]);
        if (peerFolder is not null) measures.Add(ratio);
        if (botCpu.Values.Count > 0) measures.Add(botCpu);
        return measures;
    }

    private sealed record Result(double PerSecond, List<double> Latencies, int Acknowledgements, int Unexpected, string Spending, double? CpuPerUpdate = null);

    private static async Task<Result> RunBotAsync(BenchOptions options, int rate, Profiler? profiler)
    {
        // The bot runs as its own executable, as operators run it and as the peer runs in its own node process: its own
        // runtime settings (garbage collector included) and its own heap, not shared with the fake and the members.
        // --profile listens to it from inside the bench's process, so it then runs in there.
        await using var bot = await BotUnderTest.CreateAsync(ownProcess: !options.Profile);
        await bot.StartAsync(options.Settings);
        await RegisterAsync(bot, FirstMember, options.Users);
        await bot.Fake.WaitUntilAsync(fake => fake.GetUpdatesCalls > 0, TimeSpan.FromSeconds(30));

        // A bot of its own process is new in every round, so its code is not yet compiled to its final tier: warm it in
        // the same process with as many other members filing twice as many reports (the JIT was still compiling 600
        // methods a second after one such round, and had all but stopped after two), as fast as it answers whatever the
        // rate. Their reports are not counted.
        var warmCodes = new HashSet<string>();
        if (bot.Process is not null)
        {
            await RegisterAsync(bot, WarmUpMember, options.Users);
            using var warmUp = new ConversationDriver(bot.Fake, WarmUpMember, options.Users, 2 * options.Reports, rate: 0);
            await warmUp.RunAsync(Timeout(options, warmUp.Updates));
            await bot.WaitForOutboxSettledAsync(TimeSpan.FromSeconds(30));
            warmCodes.UnionWith(warmUp.TrackingCodes);
        }

        using var driver = new ConversationDriver(bot.Fake, FirstMember, options.Users, options.Reports, rate);
        var before = RunCounters.Take();
        var botCpu = bot.Process?.ProcessorTime;
        if (profiler is not null) profiler.Recording = true;
        await driver.RunAsync(Timeout(options, driver.Updates));
        var botSpent = bot.Process is null ? (TimeSpan?)null : bot.Process.ProcessorTime - botCpu!.Value;
        var spending = botSpent is not { } spent
            ? RunCounters.Take().Describe(before, driver.Elapsed, driver.Updates)
            : RunCounters.DescribeCpu("bot process", spent, driver.Elapsed, driver.Updates)
                + "; bench process: " + RunCounters.Take().Describe(before, driver.Elapsed, driver.Updates);
        if (profiler is not null)
        {
            profiler.Recording = false;
            profiler.AddRun(driver.Elapsed, driver.Updates);
        }

        await bot.WaitForOutboxSettledAsync(TimeSpan.FromSeconds(30));
        await using (var db = bot.Db())
        {
            var codes = (await db.Reports.Select(r => r.Code).ToListAsync()).Where(c => !warmCodes.Contains(c)).ToList();
            Verify("bot", options, driver, codes.Count, codes);
        }

        return new Result(driver.Updates / driver.Elapsed.TotalSeconds, driver.Latencies(), driver.Acknowledgements, driver.Unexpected, spending,
            botSpent?.TotalMicroseconds / driver.Updates);
    }

    /// <summary>Registers <paramref name="count"/> members from <paramref name="first"/> on (registration is another conversation).</summary>
    private static async Task RegisterAsync(BotUnderTest bot, long first, int count)
    {
        await using var db = bot.Db();
        for (var i = 0; i < count; i++)
        {
            var id = first + i;
            db.Members.Add(new Member
            {
                Name = $"عضو {id - FirstMember}", Phone = $"+98913{id - FirstMember:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch,
                Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } },
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<Result> RunPeerAsync(BenchOptions options, int rate, string peerFolder)
    {
        await using var peer = await PeerUnderTest.StartAsync(peerFolder);
        await peer.Fake.WaitUntilAsync(fake => fake.GetUpdatesCalls > 0, TimeSpan.FromSeconds(30));
        using var driver = new ConversationDriver(peer.Fake, FirstMember, options.Users, options.Reports, rate);
        var before = RunCounters.Take();
        await driver.RunAsync(Timeout(options, driver.Updates));
        var spending = "(bench process only: " + RunCounters.Take().Describe(before, driver.Elapsed, driver.Updates) + ")";

        await using (var connection = new SqliteConnection($"Data Source={peer.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT tracking_code FROM reports";
            var codes = new List<string>();
            await using (var reader = await count.ExecuteReaderAsync())
                while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
            Verify("grammY peer", options, driver, codes.Count, codes);
        }

        return new Result(driver.Updates / driver.Elapsed.TotalSeconds, driver.Latencies(), driver.Acknowledgements, driver.Unexpected, spending);
    }

    /// <summary>Generous, so only a stuck bot fails: a hundred times slower than the peer (a loaded machine) still finishes.</summary>
    private static TimeSpan Timeout(BenchOptions options, int updates) => TimeSpan.FromSeconds(300 + updates / 10.0);

    /// <summary>Every report stored once, every member given the tracking code that was stored.</summary>
    private static void Verify(string who, BenchOptions options, ConversationDriver driver, int stored, IReadOnlyList<string> codes)
    {
        var expected = options.Users * options.Reports;
        var given = driver.TrackingCodes;
        if (stored != expected || given.Count != expected || given.Distinct().Count() != expected || !given.ToHashSet().SetEquals(codes))
            throw new BenchFailure($"{who}: {expected} reports filed, {stored} stored, {given.Count} tracking codes given "
                + $"({given.Distinct().Count()} distinct), {given.Except(codes).Count()} given but not stored.");
    }
}
