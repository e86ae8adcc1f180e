using System.Diagnostics;
using Assembly.Conversations.Messages;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bench;

/// <summary>
/// Latency at a steady rate: U updates per second from M users, each timed from its enqueue to its
/// reply recorded by the fake (<c>SentMessage.At</c>, the same clock). Every run first sends at the same
/// rate for a short settling time that is not measured, then S seconds that are. The outbox rows split
/// the time into stages: waiting to be handled (enqueue → handling began, the row's CreatedAt), commit
/// and pick-up (→ the sender claimed the reply, ClaimedAt), and the send itself (→ recorded).
/// </summary>
internal static class LatencyScenario
{
    private const string Name = "latency";

    /// <summary>
    /// Each run's host is new, and its first seconds are slow whatever the process ran before (its caches
    /// and connection pool start cold): measured from its first update, a 5 s run had a median of 41 ms
    /// where a 30 s run had 6 ms. That is the start, not the steady state, so it is left out.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private static readonly double[] Percentiles = [50, 95, 99, 100];

    private static readonly string[] Stages = ["enqueued → handling began", "handling began → reply claimed", "reply claimed → recorded"];

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options, Profiler? profiler)
    {
        var total = Percentiles.Select(p => new Measure(Name, $"latency {Label(p)}, enqueued → reply recorded", "ms", [])).ToList();
        var stages = Enumerable.Range(0, Stages.Length)
            .SelectMany(stage => new[] { 50.0, 99 }.Select(p => (Stage: stage, P: p, Measure: new Measure(Name, $"  stage {Label(p)}: {Stages[stage]}", "ms", []))))
            .ToList();
        var rate = new Measure(Name, "rate offered (updates enqueued per second)", "updates/s", []);

        Console.Error.WriteLine($"latency: {options.Rate} updates/s for {options.Seconds} s from {options.Users} users, after {Settle.TotalSeconds:0} s to settle; "
            + $"a warm-up run, then {options.Runs} counted");
        for (var run = 0; run <= options.Runs; run++)
        {
            // The warm-up is a whole run: at this low load the runtime takes tens of seconds to finish
            // optimising the hot paths (tiered compilation), and shorter warm-ups left the first counted run slower.
            var result = await RunOnceAsync(options, run == 0 ? null : profiler);
            Console.Error.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}")}: p50 {Stats.Percentile(result.Latencies, 50):0.0} ms, "
                + $"p99 {Stats.Percentile(result.Latencies, 99):0.0} ms, max {result.Latencies[^1]:0.0} ms at {result.OfferedRate:0}/s; {result.Spending}");
            if (run == 0) continue;
            for (var i = 0; i < Percentiles.Length; i++) total[i].Values.Add(Stats.Percentile(result.Latencies, Percentiles[i]));
            foreach (var (stage, p, measure) in stages) measure.Values.Add(Stats.Percentile(result.Stages[stage], p));
            rate.Values.Add(result.OfferedRate);
        }

        return [.. total, .. stages.Select(s => s.Measure), rate];
    }

    private static string Label(double p) => p == 100 ? "max" : $"p{p:0}";

    /// <summary>Latencies and each stage's durations in ms, sorted ascending.</summary>
    private sealed record Result(List<double> Latencies, List<double>[] Stages, double OfferedRate, string Spending);

    /// <param name="profiler">Null for the warm-up, which is not counted.</param>
    private static async Task<Result> RunOnceAsync(BenchOptions options, Profiler? profiler)
    {
        await using var bot = await BotUnderTest.CreateAsync();
        await bot.StartAsync(options.Settings);
        // Steady work is measured, not the start: the first update arrives while the bot already polls.
        await bot.Fake.WaitUntilAsync(fake => fake.GetUpdatesCalls > 0, TimeSpan.FromSeconds(30));

        var commands = new CommandSet(options.Users);
        var settling = (int)(options.Rate * Settle.TotalSeconds);
        var count = settling + options.Rate * options.Seconds;
        var enqueuedAt = new DateTimeOffset[count];
        var before = default(RunCounters);
        var measured = new Stopwatch();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count;)
        {
            // Whatever is due by now goes out, so the rate holds however coarse the delay below is.
            var due = Math.Min(count, (int)(clock.Elapsed.TotalSeconds * options.Rate) + 1);
            for (; i < due; i++)
            {
                if (i == settling)
                {
                    before = RunCounters.Take();
                    if (profiler is not null) profiler.Recording = true;
                    measured.Start();
                }

                enqueuedAt[i] = TimeProvider.System.GetUtcNow();
                commands.Enqueue(bot.Fake, i);
            }

            await Task.Delay(1);
        }

        var offeredRate = (count - settling) / measured.Elapsed.TotalSeconds;
        try
        {
            await bot.WaitForSendsAsync(count, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            throw new BenchFailure(e.Message);
        }

        var spending = RunCounters.Take().Describe(before, measured.Elapsed, count - settling);
        if (profiler is not null)
        {
            profiler.Recording = false;
            profiler.AddRun(measured.Elapsed, count - settling);
        }

        await bot.WaitForOutboxSettledAsync(TimeSpan.FromSeconds(30));
        var sent = bot.Fake.Sent;
        commands.Verify(sent);

        var recordedAt = new DateTimeOffset[count];
        foreach (var message in sent) recordedAt[commands.IndexOf(message)!.Value] = message.At;
        var latencies = Enumerable.Range(settling, count - settling).Select(i => (recordedAt[i] - enqueuedAt[i]).TotalMilliseconds).Order().ToList();

        await using var db = bot.Db();
        var rows = await db.Outbox.AsNoTracking().Select(o => new { o.Payload, o.CreatedAt, o.ClaimedAt }).ToListAsync();
        var stages = Stages.Select(_ => new List<double>(count - settling)).ToArray();
        foreach (var row in rows)
        {
            if (OutgoingJson.Read(row.Payload) is not TextMessage { Text: var text } || commands.IndexOfReply(text) is not { } i || row.ClaimedAt is not { } claimed)
                throw new BenchFailure("An outbox row answers none of the updates sent, or was never claimed.");
            if (i < settling) continue;
            stages[0].Add((new DateTimeOffset(row.CreatedAt) - enqueuedAt[i]).TotalMilliseconds);
            stages[1].Add((claimed - row.CreatedAt).TotalMilliseconds);
            stages[2].Add((recordedAt[i] - new DateTimeOffset(claimed)).TotalMilliseconds);
        }

        foreach (var stage in stages) stage.Sort();
        return new Result(latencies, stages, offeredRate, spending);
    }
}
