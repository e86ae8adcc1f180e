using System.Diagnostics;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bench;

/// <summary>
/// A broadcast to N members (issue 5) against a fake that enforces Telegram's flood limits: 30 sends
/// accepted in any trailing second, 1 per chat, anything beyond answered 429 with retry_after 1. The bot runs
/// with its configured limits (appsettings: BulkPerSecond 30, PerChatPerSecond 1). The members are seeded in
/// the database (their registration is measured elsewhere); the announcement is made the way an organizer
/// makes it, through the real /announce conversation over the fake, and the clock starts when «send» is
/// pressed. With --restart the host is stopped (its StopAsync, as on a signal) once about half the copies
/// have arrived, and a new host continues on the same database.
///
/// Every figure comes from the fake's own record (<see cref="SentMessage.At"/>): the achieved rate is copies
/// ÷ (last copy − first copy), so it includes every pause (a 429, the restart). A run with a member without
/// a copy, or with one who got two, fails.
/// </summary>
internal static class BroadcastScenario
{
    private const string Name = "broadcast";

    /// <summary>Telegram's limits, as the fake enforces them.</summary>
    private const double GlobalLimit = 30, PerChatLimit = 1;

    /// <summary>The organizer: an admin by configuration, so /announce is theirs.</summary>
    private const long Organizer = 1;

    /// <summary>Members' user ids (and private chat ids) start here.</summary>
    private const long FirstMember = 800_000_001;

    /// <summary>The members who converse during a mixed run start here.</summary>
    private const long FirstConversing = 830_000_001;

    /// <summary>The warm-up broadcast is this small: the pace is the fake's, so a short one warms the same code.</summary>
    private const int WarmUpMembers = 300;

    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(60);

    /// <summary>More than the fake's 1 s per chat, so the organizer's answers are not refused.</summary>
    private static readonly TimeSpan ReadingPause = TimeSpan.FromSeconds(1.1);

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options, Profiler? profiler)
    {
        var rate = new Measure(Name, "achieved rate, copies ÷ (last copy − first copy)", "messages/s", []);
        var wall = new Measure(Name, "wall time, «send» pressed → last copy recorded", "s", []);
        var first = new Measure(Name, "«send» pressed → first copy recorded", "ms", []);
        var lost = new Measure(Name, "lost: members without a copy", "members", []);
        var duplicates = new Measure(Name, "duplicates: copies beyond one per member", "copies", []);
        var throttled = new Measure(Name, "429 answers the bot provoked (after «send»)", "answers", []);
        var densest = new Measure(Name, $"most sends accepted in any trailing 1 s (the fake allows {GlobalLimit:0})", "sends", []);
        var restartGap = new Measure(Name, "restart: last copy before the stop → first copy after", "ms", []);
        var stopTime = new Measure(Name, "restart: host StopAsync", "ms", []);
        var startTime = new Measure(Name, "restart: new host started on the same database", "ms", []);
        var conversing = new[] { 50.0, 99, 100 }.Select(p => (P: p, Measure: new Measure(Name,
            $"mixed: reply latency {(p == 100 ? "max" : $"p{p:0}")} of {options.Conversing} members conversing at {options.Rate} steps/s during the broadcast", "ms", []))).ToList();

        var members = options.Members;
        Console.Error.WriteLine($"broadcast: {members} members, fake limits {GlobalLimit:0}/s overall and {PerChatLimit:0}/s per chat"
            + (options.Restart ? ", host restarted half-way" : "")
            + $"; a warm-up run of {Math.Min(members, WarmUpMembers)} members, then {options.Runs} counted (about {members / GlobalLimit / 60:0.0} min each)");
        for (var run = 0; run <= options.Runs; run++)
        {
            var result = await RunOnceAsync(options, run == 0 ? Math.Min(members, WarmUpMembers) : members, run, run == 0 ? null : profiler);
            Console.Error.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}")}: {result.Describe()}");
            if (run == 0) continue;
            rate.Values.Add(result.Rate);
            wall.Values.Add(result.Wall.TotalSeconds);
            first.Values.Add(result.FirstCopy.TotalMilliseconds);
            lost.Values.Add(result.Lost);
            duplicates.Values.Add(result.Duplicates);
            throttled.Values.Add(result.TooManyRequests);
            densest.Values.Add(result.Densest);
            if (result.ConversationLatencies is { } latencies)
                foreach (var (p, measure) in conversing) measure.Values.Add(Stats.Percentile(latencies, p));
            if (result.Restart is { } restart)
            {
                restartGap.Values.Add(restart.Gap.TotalMilliseconds);
                stopTime.Values.Add(restart.Stop.TotalMilliseconds);
                startTime.Values.Add(restart.Start.TotalMilliseconds);
            }
        }

        List<Measure> measures = [rate, wall, first, lost, duplicates, throttled, densest];
        if (options.Restart) measures.AddRange([restartGap, stopTime, startTime]);
        if (options.Conversing > 0) measures.AddRange(conversing.Select(c => c.Measure));
        return measures;
    }

    private sealed record Restart(int CopiesBefore, TimeSpan Stop, TimeSpan Start, TimeSpan Gap, int Uncertain);

    private sealed record Result(
        int Members, int Copies, double Rate, TimeSpan Wall, TimeSpan FirstCopy, int Lost, int Duplicates, int Strangers,
        int TooManyRequests, int TooManyRequestsBefore, int Densest, Restart? Restart, string Diagnosis, List<double>? ConversationLatencies)
    {
        public string Describe() =>
            $"{Copies} copies to {Members} members at {Rate:0.00}/s (ideal {GlobalLimit:0}), last {Wall.TotalSeconds:0.0} s after «send» "
            + $"(ideal {Members / GlobalLimit:0.0}), first {FirstCopy.TotalMilliseconds:0} ms; lost {Lost}, duplicates {Duplicates}, "
            + $"{TooManyRequests} 429s after «send» ({TooManyRequestsBefore} during the conversation), at most {Densest} sends in 1 s"
            + (Restart is { } r
                ? $"; stopped after {r.CopiesBefore} copies, stop {r.Stop.TotalMilliseconds:0} ms, start {r.Start.TotalMilliseconds:0} ms, "
                  + $"gap {r.Gap.TotalMilliseconds:0} ms, {r.Uncertain} rows uncertain"
                : "")
            + (ConversationLatencies is { Count: > 0 } l
                ? $"; conversing members' replies p50 {Stats.Percentile(l, 50):0} ms, p99 {Stats.Percentile(l, 99):0} ms, max {l[^1]:0} ms"
                : "")
            + Environment.NewLine + "      " + Diagnosis;
    }

    /// <param name="profiler">Null for the warm-up, which is not counted.</param>
    private static async Task<Result> RunOnceAsync(BenchOptions options, int members, int run, Profiler? profiler)
    {
        await using var bot = await BotUnderTest.CreateAsync(new FakeBotApiOptions
        {
            GlobalSendsPerSecond = GlobalLimit,
            PerChatSendsPerSecond = PerChatLimit,
        });
        List<KeyValuePair<string, string>> settings = [new("Access:Admins:0", $"telegram:{Organizer}"), .. options.Settings];
        await bot.StartAsync(settings);
        var fake = bot.Fake;

        // Members are seeded directly, one Telegram account each, the private chat id being the user id.
        await using (var db = bot.Db())
        {
            for (var i = 0; i < members; i++)
            {
                var id = FirstMember + i;
                db.Members.Add(new Member
                {
                    Name = $"عضو {i}", Phone = $"+98912{i:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch,
                    Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } },
                });
            }

            // Members who converse during the broadcast (--conversing): announcements muted, so their chats carry
            // only their own conversation and every reply they wait for is one of its steps.
            for (var i = 0; i < options.Conversing; i++)
            {
                var id = FirstConversing + i;
                db.Members.Add(new Member
                {
                    Name = $"گزارشگر {i}", Phone = $"+98915{i:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch, MutedAnnouncements = true,
                    Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } },
                });
            }

            await db.SaveChangesAsync();
        }

        // The organizer's conversation, as in tests/Bot.Tests/EndToEnd/BroadcastTests.cs.
        var text = $"اجلاسیه پنجشنبه ساعت ۱۷ در فرمانداری (سنجش سرعت، اجرای {run})";
        await OrganizeAsync(fake, () => fake.EnqueueText(Organizer, "/announce"), Texts.AskAnnouncement);
        await OrganizeAsync(fake, () => fake.EnqueueText(Organizer, text), Texts.AskAudience);
        await PressAsync(bot, "all", "پیش‌نمایش اطلاعیه");

        // From here on every 429 is the broadcast's (or the one reply that tells the organizer it is queued).
        var tooManyBefore = 0;
        var cpuBefore = TimeSpan.Zero;
        var pressed = default(DateTimeOffset);
        var clock = new Stopwatch();
        await PressAsync(bot, "send", Texts.AnnouncementQueued(members), onPress: () =>
        {
            tooManyBefore = fake.TooManyRequestsAnswered;
            cpuBefore = ProcessCpu();
            pressed = TimeProvider.System.GetUtcNow();
            clock.Start();
            if (profiler is not null) profiler.Recording = true;
        });

        // Generous, so that only a stuck bot fails: three times slower than the limit still finishes.
        var timeout = TimeSpan.FromSeconds(120 + 3 * members / GlobalLimit);
        // Mixed: members file reports through the whole conversation while the broadcast goes out.
        using var driver = options.Conversing > 0 && run > 0
            ? new ConversationDriver(fake, FirstConversing, options.Conversing, options.Reports, options.Rate)
            : null;
        var conversation = driver?.RunAsync(timeout) ?? Task.CompletedTask;
        Restart? restart = null;
        if (options.Restart)
        {
            await WaitForCopiesAsync(fake, members / 2, timeout - clock.Elapsed);
            var stopping = Stopwatch.StartNew();
            await bot.StopAsync();
            var stop = stopping.Elapsed;
            // Everything the first host sent is recorded by now: its sends in flight finished before StopAsync returned.
            var copiesBefore = CountCopies(fake);
            var starting = Stopwatch.StartNew();
            await bot.StartAsync(settings);
            restart = new Restart(copiesBefore, stop, starting.Elapsed, TimeSpan.Zero, 0);
        }

        await WaitForEndAsync(bot, members, timeout - clock.Elapsed);

        await conversation;
        await bot.WaitForOutboxSettledAsync(TimeSpan.FromSeconds(60));
        if (driver is not null && driver.TrackingCodes.Distinct().Count() != options.Conversing * options.Reports)
            throw new BenchFailure($"{options.Conversing * options.Reports} reports filed during the broadcast, {driver.TrackingCodes.Distinct().Count()} tracking codes given.");
        var cpu = ProcessCpu() - cpuBefore;
        if (profiler is not null) profiler.Recording = false;

        var sent = fake.Sent;
        var tooMany = fake.TooManyRequestsAnswered - tooManyBefore;
        var copies = new List<SentMessage>(members);
        var perMember = new int[members];
        var strangers = 0;
        foreach (var message in sent)
        {
            var index = message.ChatId - FirstMember;
            // The text is this run's own, so whatever carries it to a member's chat is a copy of the announcement.
            var isCopy = message.ChatId != Organizer && message.Text?.Contains(text, StringComparison.Ordinal) == true;
            if (index >= 0 && index < members && isCopy)
            {
                perMember[index]++;
                copies.Add(message);
            }
            else if (isCopy || (index >= 0 && index < members))
                strangers++; // a copy to a chat that is no member's, or something else sent to a member
        }

        var lost = perMember.Count(c => c == 0);
        var duplicates = perMember.Sum(c => Math.Max(0, c - 1));
        if (copies.Count < 2)
            throw new BenchFailure($"Only {copies.Count} copies of the announcement were sent to {members} members.");

        var firstAt = copies.Min(c => c.At);
        var lastAt = copies.Max(c => c.At);
        var wall = lastAt - pressed;
        if (profiler is not null) profiler.AddRun(wall, copies.Count);

        await using var check = bot.Db();
        var rows = await check.Outbox.AsNoTracking().Where(o => o.BroadcastId != null)
            .Select(o => new { o.ChatId, o.Status, o.ClaimedAt, o.LastError }).ToListAsync();
        if (restart is not null)
        {
            // The copies are in the fake's order of arrival: the last of the first host, then the first of the second.
            var gap = restart.CopiesBefore > 0 && restart.CopiesBefore < copies.Count
                ? copies[restart.CopiesBefore].At - copies[restart.CopiesBefore - 1].At
                : TimeSpan.Zero;
            restart = restart with { Gap = gap, Uncertain = rows.Count(r => r.Status == OutboxStatus.Uncertain) };
        }

        var diagnosis = Diagnose(copies, rows.Select(r => (r.ChatId, r.Status, r.ClaimedAt, r.LastError)).ToList(), wall, cpu);
        var result = new Result(members, copies.Count, copies.Count / (lastAt - firstAt).TotalSeconds, wall, firstAt - pressed,
            lost, duplicates, strangers, tooMany, tooManyBefore, Densest(sent), restart, diagnosis, driver?.Latencies());

        if (lost > 0 || duplicates > 0 || strangers > 0)
            throw new BenchFailure($"A broadcast to {members} members: {lost} got no copy, {duplicates} copies beyond one per member, "
                + $"{strangers} other sends to members (or copies to others). {result.Describe()}");
        return result;
    }

    /// <summary>
    /// Where the time went, from the fake's arrival times and the outbox rows: the spacing of arrivals, the spacing
    /// of the pacer's slots (a row's ClaimedAt is the time the sender picked it, when the pacer gave it its slot),
    /// and the time from that slot to the arrival at the fake (claim committed, HTTP call).
    /// </summary>
    private static string Diagnose(List<SentMessage> copies, List<(long ChatId, OutboxStatus Status, DateTime? ClaimedAt, string? LastError)> rows,
        TimeSpan wall, TimeSpan cpu)
    {
        var at = copies.Select(c => c.At).Order().ToList();
        var gaps = at.Zip(at.Skip(1), (a, b) => (b - a).TotalMilliseconds).Order().ToList();
        var pauses = gaps.Count(g => g >= 500);

        var claims = rows.Where(r => r.ClaimedAt is not null).Select(r => DateTime.SpecifyKind(r.ClaimedAt!.Value, DateTimeKind.Utc)).Order().ToList();
        var slotGaps = claims.Zip(claims.Skip(1), (a, b) => (b - a).TotalMilliseconds).Where(g => g < 500).Order().ToList();
        var arrivals = copies.GroupBy(c => c.ChatId).ToDictionary(g => g.Key, g => g.Max(c => c.At));
        var slotToArrival = rows
            .Where(r => r.ClaimedAt is not null && arrivals.ContainsKey(r.ChatId))
            .Select(r => (arrivals[r.ChatId] - new DateTimeOffset(DateTime.SpecifyKind(r.ClaimedAt!.Value, DateTimeKind.Utc))).TotalMilliseconds)
            .Order().ToList();
        var throttledRows = rows.Count(r => r.LastError?.StartsWith("429", StringComparison.Ordinal) == true);

        static string P(List<double> sorted) => sorted.Count == 0 ? "–"
            : $"p50 {Stats.Percentile(sorted, 50):0.0} / p99 {Stats.Percentile(sorted, 99):0.0} / max {sorted[^1]:0.0} ms";

        return
            $"arrival gaps {P(gaps)} (ideal {1000 / GlobalLimit:0.0}), {pauses} pauses of 0.5 s or more; "
            + $"pacer slot gaps under 0.5 s {P(slotGaps)}, mean {(slotGaps.Count == 0 ? 0 : slotGaps.Average()):0.00} ms; "
            + $"slot → arrival {P(slotToArrival)}; {throttledRows} copies were answered 429 at least once; "
            + $"cpu {cpu / wall:0.00} of {Environment.ProcessorCount} cores";
    }

    /// <summary>The most sends the fake accepted within any trailing second (it counts those with At in (t − 1 s, t]).</summary>
    private static int Densest(IReadOnlyList<SentMessage> sent)
    {
        var at = sent.Select(m => m.At).Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; end < at.Count; end++)
        {
            while (at[end] - at[start] >= TimeSpan.FromSeconds(1)) start++;
            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    /// <summary>Sends to the broadcast's members (not to the members conversing meanwhile, whose ids start higher).</summary>
    private static int CountCopies(FakeBotApiServer fake) => fake.Sent.Count(m => m.ChatId >= FirstMember && m.ChatId < FirstConversing);

    /// <summary>Completes when at least <paramref name="count"/> sends to members were recorded (looking every 100 ms: the snapshot copies the list).</summary>
    private static async Task WaitForCopiesAsync(FakeBotApiServer fake, int count, TimeSpan timeout)
    {
        var sinceLook = Stopwatch.StartNew();
        try
        {
            await fake.WaitUntilAsync(f =>
            {
                if (sinceLook.ElapsedMilliseconds < 100) return false;
                sinceLook.Restart();
                return CountCopies(f) >= count;
            }, timeout);
        }
        catch (TimeoutException e)
        {
            throw new BenchFailure(e.Message);
        }
    }

    /// <summary>
    /// Completes when every member has been sent something, or when the broadcast's outbox rows are all settled
    /// (so a lost copy is reported as lost instead of waited for until the timeout).
    /// </summary>
    private static async Task WaitForEndAsync(BotUnderTest bot, int members, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var sinceDb = Stopwatch.StartNew();
        while (CountCopies(bot.Fake) < members)
        {
            if (sinceDb.Elapsed > TimeSpan.FromSeconds(2))
            {
                sinceDb.Restart();
                await using var db = bot.Db();
                if (!await db.Outbox.AnyAsync(o => o.BroadcastId != null && (o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending)))
                    return;
            }

            if (clock.Elapsed > timeout)
                throw new BenchFailure($"After {timeout.TotalSeconds:0} s only {CountCopies(bot.Fake)} of {members} members had been sent the announcement.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Sends the organizer's input and waits for the bot's answer that starts with <paramref name="expect"/>. A
    /// person reads an answer before the next input; without that pause the bot's answers to the organizer came
    /// less than a second apart and the fake's per-chat limit refused some with 429, counted with the broadcast's.
    /// </summary>
    internal static async Task OrganizeAsync(FakeBotApiServer fake, Action send, string expect, TimeSpan? wait = null)
    {
        await Task.Delay(ReadingPause);
        var before = fake.SentTo(Organizer).Count;
        send();
        try
        {
            await fake.WaitUntilAsync(f => f.SentTo(Organizer).Skip(before).Any(m => m.Text?.StartsWith(expect, StringComparison.Ordinal) == true), wait ?? StepWait);
        }
        catch (TimeoutException e)
        {
            throw new BenchFailure("The /announce conversation did not answer as expected: " + e.Message);
        }
    }

    /// <summary>Presses a button of the organizer's current step on the bot's last message to them; <paramref name="onPress"/> runs just before.</summary>
    internal static async Task PressAsync(BotUnderTest bot, string value, string expect, Action? onPress = null, TimeSpan? wait = null)
    {
        int step;
        await using (var db = bot.Db())
            step = (await db.Conversations.AsNoTracking().SingleAsync(c => c.Messenger == "telegram" && c.ChatId == Organizer)).Step;
        var fake = bot.Fake;
        await OrganizeAsync(fake, () =>
        {
            var message = fake.SentTo(Organizer)[^1].MessageId;
            onPress?.Invoke();
            fake.EnqueueCallback(Organizer, FlowButtons.Data(step, value), message);
        }, expect, wait);
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
