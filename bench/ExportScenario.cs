using System.Collections.Concurrent;
using System.Diagnostics;
using Assembly.Conversations.Statistics;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;

namespace Assembly.Bench;

/// <summary>
/// Members' replies while a staff member exports a year: K reports (<c>--reports</c>, 5,000 by default) of one whole
/// past Solar year are stored first; then members send at U updates per second (<see cref="CommandSet"/>) for S seconds.
/// The first half of that time they are alone, for comparison on the same machine in the same run; in the second half
/// an admin sends <c>/export YEAR</c> again and again, the next as soon as the last one's two files arrived (one at a
/// time each, as the bot allows). What counts is the members' replies to updates enqueued while an export was running
/// (from its request until its second file was recorded by the fake): an export read and drawn inside the writer's
/// transaction would hold every one of them for its whole length. Also reported: how long an export took.
/// </summary>
internal static class ExportScenario
{
    private const string Name = "export";

    /// <summary>The admin who exports; not one of the members (<see cref="CommandSet"/> starts at 700,000,001).</summary>
    private const long Staff = 690_000_001;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private static readonly double[] Percentiles = [50, 95, 99, 100];

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options, Profiler? profiler)
    {
        var during = Percentiles.Select(p => new Measure(Name, $"members' reply {Label(p)} while an export runs, enqueued → recorded", "ms", [])).ToList();
        var alone = new Measure(Name, "members' reply p99 with no export running (first half)", "ms", []);
        var counted = new Measure(Name, "members' replies counted while an export ran", "replies", []);
        var exports = new Measure(Name, "exports finished in the run", "exports", []);
        var took = new Measure(Name, "export, /export → second file recorded (median of the run)", "s", []);
        Console.Error.WriteLine($"export: {options.Reports} reports in a year; members at {options.Rate} updates/s for {options.Seconds} s from "
            + $"{options.Users} users while an admin exports the year again and again; a warm-up run, then {options.Runs} counted");
        for (var run = 0; run <= options.Runs; run++)
        {
            var result = await RunOnceAsync(options, run == 0 ? null : profiler);
            Console.Error.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}")}: {result.During.Count} replies during {result.Exports.Count} exports: "
                + $"p50 {Stats.Percentile(result.During, 50):0.0} ms, p99 {Stats.Percentile(result.During, 99):0.0} ms, max {result.During[^1]:0.0} ms "
                + $"(alone: p99 {Stats.Percentile(result.Alone, 99):0.0} ms); "
                + $"an export took {Stats.Median(result.Exports):0.0} s");
            if (run == 0) continue;
            for (var i = 0; i < Percentiles.Length; i++) during[i].Values.Add(Stats.Percentile(result.During, Percentiles[i]));
            alone.Values.Add(Stats.Percentile(result.Alone, 99));
            counted.Values.Add(result.During.Count);
            exports.Values.Add(result.Exports.Count);
            took.Values.Add(Stats.Median(result.Exports));
        }

        return [.. during, alone, counted, exports, took];
    }

    private static string Label(double p) => p == 100 ? "max" : $"p{p:0}";

    /// <summary>Members' latencies (ms, sorted) while an export ran and in the first half, alone; each export's length (s).</summary>
    private sealed record Result(List<double> During, List<double> Alone, List<double> Exports);

    private static async Task<Result> RunOnceAsync(BenchOptions options, Profiler? profiler)
    {
        await using var bot = await BotUnderTest.CreateAsync();
        await bot.StartAsync([.. options.Settings, new("Access:Admins:0", $"telegram:{Staff}")]);
        await bot.Fake.WaitUntilAsync(fake => fake.GetUpdatesCalls > 0, TimeSpan.FromSeconds(30));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
        var year = SolarMonth.Of(TimeProvider.System.GetUtcNow().UtcDateTime, zone).Year - 1;
        await SeedAsync(bot, options.Reports, year, zone);

        // The second file of an export ends it; the fake says so on the request's own thread.
        var files = new ConcurrentQueue<DateTimeOffset>();
        void OnSent(SentMessage m)
        {
            if (m.ChatId == Staff && m.Method == "sendDocument") files.Enqueue(m.At);
        }

        bot.Fake.MessageSent += OnSent;
        var commands = new CommandSet(options.Users);
        var settling = (int)(options.Rate * Settle.TotalSeconds);
        var count = settling + options.Rate * options.Seconds;
        var exporting = settling + (count - settling) / 2;
        var enqueuedAt = new DateTimeOffset[count];
        var spans = new List<(DateTimeOffset From, DateTimeOffset To)>();
        DateTimeOffset? running = null;
        var filesSeen = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count;)
        {
            var due = Math.Min(count, (int)(clock.Elapsed.TotalSeconds * options.Rate) + 1);
            for (; i < due; i++)
            {
                if (i == settling && profiler is not null) profiler.Recording = true;
                enqueuedAt[i] = TimeProvider.System.GetUtcNow();
                commands.Enqueue(bot.Fake, i);
            }

            while (files.TryDequeue(out var at))
                if (++filesSeen % 2 == 0 && running is { } from)
                {
                    spans.Add((from, at));
                    running = null;
                }

            if (running is null && i >= exporting)
            {
                running = TimeProvider.System.GetUtcNow();
                bot.Fake.EnqueueText(Staff, $"/export {year}");
            }

            await Task.Delay(1);
        }

        try
        {
            await bot.WaitForSendsAsync(count, TimeSpan.FromSeconds(120));
            if (running is not null) await bot.Fake.WaitUntilAsync(_ => files.Count + filesSeen >= (spans.Count + 1) * 2, TimeSpan.FromSeconds(300));
        }
        catch (TimeoutException e)
        {
            throw new BenchFailure(e.Message);
        }

        if (profiler is not null) profiler.Recording = false;
        bot.Fake.MessageSent -= OnSent;
        while (files.TryDequeue(out var at))
            if (++filesSeen % 2 == 0 && running is { } from)
            {
                spans.Add((from, at));
                running = null;
            }

        await bot.WaitForOutboxSettledAsync(TimeSpan.FromSeconds(60));
        var members = bot.Fake.Sent.Where(m => m.ChatId != Staff).ToList();
        commands.Verify(members);
        if (spans.Count == 0) throw new BenchFailure("No export finished within the run.");

        var recordedAt = new DateTimeOffset[count];
        foreach (var message in members) recordedAt[commands.IndexOf(message)!.Value] = message.At;
        var measured = Enumerable.Range(exporting, count - exporting).ToList();
        var latency = (int i) => (recordedAt[i] - enqueuedAt[i]).TotalMilliseconds;
        var during = measured.Where(i => spans.Any(s => enqueuedAt[i] >= s.From && enqueuedAt[i] < s.To)).Select(latency).Order().ToList();
        if (during.Count == 0) throw new BenchFailure("No member wrote while an export ran; raise --rate.");
        var alone = Enumerable.Range(settling, exporting - settling).Select(latency).Order().ToList();
        return new Result(during, alone, spans.Select(s => (s.To - s.From).TotalSeconds).Order().ToList());
    }

    /// <summary>K reports spread over the year, a third answered, a third of those closed, a tenth anonymous.</summary>
    private static async Task SeedAsync(BotUnderTest bot, int reports, int year, TimeZoneInfo zone)
    {
        var start = new SolarMonth(year, 1).StartUtc(zone);
        var end = new SolarMonth(year + 1, 1).StartUtc(zone);
        var step = (end - start) / (reports + 1);
        string[] secretariats = ["modarres", "rajaei", "beheshti"];
        string[] counties = ["کاشان", "آران و بیدگل", "نطنز", "اردستان"];
        await using var db = bot.Db();
        var people = Enumerable.Range(0, 50).Select(n => new Member
        {
            Name = $"عضو {n}", Phone = $"+98912{n:0000000}", County = counties[n % counties.Length], CreatedAt = start,
        }).ToList();
        db.Members.AddRange(people);
        await db.SaveChangesAsync();
        for (var n = 0; n < reports; n++)
        {
            var at = start + step * (n + 1);
            var report = new Storage.Entities.Report
            {
                Code = $"BX-{n + 1}", MemberId = people[n % people.Count].Id, Secretariat = secretariats[n % 3], County = counties[n % counties.Length],
                Topic = "آب و برق و گاز", Description = "آب آشامیدنی محله سه روز است قطع شده و هنوز کسی پاسخی نداده است " + n,
                Place = "خیابان امیرکبیر", ProposedSolution = n % 2 == 0 ? "تانکر آب تا وصل شدن دوباره" : null, Anonymous = n % 10 == 0,
                CreatedAt = at, UpdatedAt = at,
                Stage = n % 9 == 0 ? ReportStage.Closed : n % 3 == 0 ? ReportStage.Solution : ReportStage.Identification,
                Outcome = n % 9 == 0 ? ReportOutcome.Resolved : null,
            };
            db.Reports.Add(report);
            if (n % 500 == 499)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var ids = db.Reports.Select(r => new { r.Id, r.CreatedAt, r.Stage }).ToList();
        foreach (var r in ids.Where((_, n) => n % 3 == 0))
        {
            db.ReportEvents.Add(new ReportEvent { ReportId = r.Id, Kind = ReportEventKind.Replied, At = r.CreatedAt.AddHours(20), Actor = "telegram:1", Text = "پیگیری می‌کنیم" });
            if (r.Stage == ReportStage.Closed)
                db.ReportEvents.Add(new ReportEvent { ReportId = r.Id, Kind = ReportEventKind.Closed, At = r.CreatedAt.AddDays(5), Actor = "telegram:1", Detail = "resolved" });
        }

        await db.SaveChangesAsync();
    }
}
