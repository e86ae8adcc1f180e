using System.Diagnostics;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bench;

/// <summary>
/// How long a soak runs and how hard the world treats the bot meanwhile. <see cref="ForMinutes"/> is the bench's;
/// <see cref="Short"/> is the tests', seconds long with every fault in it.
/// </summary>
internal sealed record SoakPlan(
    TimeSpan Length, int Members, int Recipients, TimeSpan Think, TimeSpan KillEvery, TimeSpan OutageAt, TimeSpan OutageLength,
    TimeSpan FaultEvery, TimeSpan Drain)
{
    /// <summary>The issue's soak: a kill every minute, a two-minute outage a third of the way in, a fault every few seconds.</summary>
    public static SoakPlan ForMinutes(int minutes)
    {
        var length = TimeSpan.FromMinutes(minutes);
        var outage = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(2).Ticks, length.Ticks / 3));
        return new SoakPlan(length, Members: 30, Recipients: 2_000, Think: TimeSpan.FromSeconds(2), KillEvery: TimeSpan.FromMinutes(1),
            OutageAt: length / 3, OutageLength: outage, FaultEvery: TimeSpan.FromSeconds(4), Drain: TimeSpan.FromMinutes(10));
    }

    /// <summary>
    /// Every fault, an outage and a kill in about ten seconds, for a test that keeps the ledger check from rotting. A
    /// fault a second leaves the sender at its longest pause between tries (a minute) when the faults stop, a send the
    /// fake left hanging is only given up at the sender's request timeout, and a restarted bot on a busy machine takes
    /// tens of seconds to start. The ten-minute soak's drains took five to seven minutes for the same reasons, so the
    /// drain allows as long; a passing run ends as soon as everything is delivered.
    /// </summary>
    public static SoakPlan Short => new(TimeSpan.FromSeconds(10), Members: 4, Recipients: 40, Think: TimeSpan.FromMilliseconds(300),
        KillEvery: TimeSpan.FromSeconds(5), OutageAt: TimeSpan.FromSeconds(1), OutageLength: TimeSpan.FromSeconds(3),
        FaultEvery: TimeSpan.FromSeconds(1), Drain: TimeSpan.FromSeconds(420));
}

/// <summary>
/// A soak run: the bot as its own process on a SQLite file, against a fake Bot API with Telegram's flood limits. An
/// organizer sends an announcement to <see cref="SoakPlan.Recipients"/> members; meanwhile other members file reports
/// (<see cref="SoakMembers"/>) and staff answer each report as its code comes. The fake throws 429s, bursts of 5xx,
/// dropped connections and sends that hang, goes down for a while (every send answered 502, as a proxy that is out),
/// and the bot's process is killed with SIGKILL every <see cref="SoakPlan.KillEvery"/> and started again on the same
/// database. Then the faults and kills stop, the members finish the reports under way, and the run waits until
/// everything is answered and the outbox is settled (or <see cref="SoakPlan.Drain"/> passes) and writes its
/// <see cref="SoakLedger"/>.
/// </summary>
internal static class Soak
{
    /// <summary>The organizer and staff member: an admin by configuration, so /announce and /reply are theirs.</summary>
    private const long Organizer = 1;

    private const long FirstRecipient = 810_000_001;
    private const long FirstMember = 840_000_001;

    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(120);

    public static async Task<SoakLedger> RunAsync(SoakPlan plan, IReadOnlyList<KeyValuePair<string, string>> extraSettings, Action<string> say)
    {
        await using var bot = await BotUnderTest.CreateAsync(new FakeBotApiOptions { GlobalSendsPerSecond = 30, PerChatSendsPerSecond = 1 },
            ownProcess: true);
        var fake = bot.Fake;
        List<KeyValuePair<string, string>> settings = [new("Access:Admins:0", $"telegram:{Organizer}"), .. extraSettings];
        await bot.StartAsync(settings);
        await SeedAsync(bot, plan);

        // The announcement is queued before the faults begin, and goes out through them.
        var announcement = $"اطلاعیه آزمایش پایداری {Guid.NewGuid().ToString("N")[..6]}";
        await AnnounceAsync(bot, announcement, plan.Recipients);
        say($"soak: announcement to {plan.Recipients} queued; {plan.Members} members filing reports for {plan.Length.TotalMinutes:0.#} min");

        using var members = new SoakMembers(fake, FirstMember, plan.Members, plan.Think);
        var ledger = new SoakLedger { Recipients = plan.Recipients };
        var clock = Stopwatch.StartNew();
        members.Start();
        using var stopStaff = new CancellationTokenSource();
        var staff = AnswerAsync(fake, members, ledger, stopStaff.Token);

        var nextKill = plan.KillEvery;
        var nextFault = plan.FaultEvery;
        var fault = 0;
        var outage = false;
        var outageFrom = TimeSpan.Zero;
        while (clock.Elapsed < plan.Length)
        {
            // Once: a restart that takes long (a loaded machine) delays it, never skips it.
            if (!outage && ledger.Outages == 0 && clock.Elapsed >= plan.OutageAt)
            {
                fake.StartOutage(new Fault.BadGateway());
                outage = true;
                outageFrom = clock.Elapsed;
                say($"  {clock.Elapsed.TotalSeconds:0} s: the messenger is down for {plan.OutageLength.TotalSeconds:0} s");
            }
            else if (outage && clock.Elapsed >= outageFrom + plan.OutageLength)
            {
                fake.EndOutage();
                outage = false;
                ledger.Outages++;
                say($"  {clock.Elapsed.TotalSeconds:0} s: the messenger answers again");
            }

            if (clock.Elapsed >= nextFault)
            {
                Inject(fake, fault++, ledger);
                nextFault += plan.FaultEvery;
            }

            if (clock.Elapsed >= nextKill)
            {
                var killing = Stopwatch.StartNew();
                await bot.KillAsync();
                await bot.StartAsync(settings);
                ledger.Kills++;
                say($"  {clock.Elapsed.TotalSeconds:0} s: kill -9 #{ledger.Kills}, started again in {killing.Elapsed.TotalSeconds:0.0} s");
                nextKill = clock.Elapsed + plan.KillEvery;
            }

            await Task.Delay(100);
        }

        if (outage)
        {
            fake.EndOutage();
            ledger.Outages++;
        }

        // The end of the faults: the members finish what they started, and everything is let settle.
        members.Close();
        say($"  {clock.Elapsed.TotalSeconds:0} s: faults and kills stop; draining");
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < plan.Drain && !Done(fake, members, ledger, announcement, plan.Recipients)) await Task.Delay(250);
        try
        {
            await bot.WaitForOutboxSettledAsync(plan.Drain - drain.Elapsed > TimeSpan.FromSeconds(30) ? plan.Drain - drain.Elapsed : TimeSpan.FromSeconds(30));
        }
        catch (BenchFailure e)
        {
            ledger.Notes.Add(e.Message);
        }

        await stopStaff.CancelAsync();
        await staff;
        ledger.Elapsed = clock.Elapsed;
        ledger.Hung = fake.Hung;
        ledger.OutageRefusals = fake.OutageRefusals;
        ledger.TooManyRequests = fake.TooManyRequestsAnswered;
        ledger.Updates = members.Updates;
        ledger.Answered = members.Answered;
        ledger.Unanswered = members.Unanswered;
        ledger.ReportsFiled = members.Reports;
        ledger.CodesGiven = members.Codes;
        ledger.MemberSecondCopies = members.SecondCopies;
        ledger.StaffAnswers = members.StaffAnswers.ToDictionary();
        ledger.Copies = CopiesPerRecipient(fake, announcement, plan.Recipients);
        await using (var db = bot.Db())
        {
            ledger.StoredCodes = await db.Reports.AsNoTracking().Select(r => r.Code).ToListAsync();
            ledger.OutboxFailed = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Failed);
        }

        await bot.StopAsync();
        return ledger;
    }

    /// <summary>One fault at a time, in turn: 429s, a burst of 5xx, dropped connections, sends that hang.</summary>
    private static void Inject(FakeBotApiServer fake, int turn, SoakLedger ledger)
    {
        switch (turn % 4)
        {
            case 0:
                fake.FailNext(new Fault.TooManyRequests(2), new Fault.TooManyRequests(1), new Fault.TooManyRequests(3));
                ledger.Faults["429 with retry_after"] = ledger.Faults.GetValueOrDefault("429 with retry_after") + 3;
                break;
            case 1:
                fake.FailNext(new Fault.ServerError(500), new Fault.BadGateway(), new Fault.ServerError(503), new Fault.ServerError(500),
                    new Fault.BadGateway());
                ledger.Faults["5xx (bursts of 5)"] = ledger.Faults.GetValueOrDefault("5xx (bursts of 5)") + 5;
                break;
            case 2:
                fake.HangNext(2);
                ledger.Faults["sends that hang (delivered, never answered)"] = ledger.Faults.GetValueOrDefault("sends that hang (delivered, never answered)") + 2;
                break;
            default:
                fake.FailNext(new Fault.DropConnection(), new Fault.DropConnection());
                ledger.Faults["connections dropped"] = ledger.Faults.GetValueOrDefault("connections dropped") + 2;
                break;
        }
    }

    /// <summary>
    /// Staff answer every report whose code a member received, one «/reply» at a time, a little over a second apart
    /// (the organizer's chat is limited to one message a second, as any).
    /// </summary>
    private static async Task AnswerAsync(FakeBotApiServer fake, SoakMembers members, SoakLedger ledger, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (members.NewCodes.TryDequeue(out var code))
                {
                    var number = ledger.StaffUpdates + 1;
                    fake.EnqueueText(Organizer, $"/reply {code} {SoakMembers.StaffMark}{number}");
                    ledger.StaffUpdates = number;
                }

                await Task.Delay(1_200, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static bool Done(FakeBotApiServer fake, SoakMembers members, SoakLedger ledger, string announcement, int recipients) =>
        members.Settled && members.NewCodes.IsEmpty && members.StaffAnswers.Count >= ledger.StaffUpdates
        && CopiesPerRecipient(fake, announcement, recipients).All(c => c > 0);

    private static int[] CopiesPerRecipient(FakeBotApiServer fake, string announcement, int recipients)
    {
        var copies = new int[recipients];
        foreach (var message in fake.Sent)
        {
            var index = message.ChatId - FirstRecipient;
            if (index >= 0 && index < recipients && message.Text?.Contains(announcement, StringComparison.Ordinal) == true) copies[index]++;
        }

        return copies;
    }

    /// <summary>The announcement's recipients, and the members who file reports (announcements muted, so their chats carry their conversation only).</summary>
    private static async Task SeedAsync(BotUnderTest bot, SoakPlan plan)
    {
        await using var db = bot.Db();
        for (var i = 0; i < plan.Recipients; i++)
        {
            var id = FirstRecipient + i;
            db.Members.Add(new Member
            {
                Name = $"عضو {i}", Phone = $"+98912{i:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch,
                Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } },
            });
        }

        for (var i = 0; i < plan.Members; i++)
        {
            var id = FirstMember + i;
            db.Members.Add(new Member
            {
                Name = $"گزارشگر {i}", Phone = $"+98915{i:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch, MutedAnnouncements = true,
                Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } },
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The organizer's /announce conversation, as in <see cref="BroadcastScenario"/>, up to «send».</summary>
    private static async Task AnnounceAsync(BotUnderTest bot, string text, int recipients)
    {
        var fake = bot.Fake;
        await BroadcastScenario.OrganizeAsync(fake, () => fake.EnqueueText(Organizer, "/announce"), Texts.AskAnnouncement, StepWait);
        await BroadcastScenario.OrganizeAsync(fake, () => fake.EnqueueText(Organizer, text), Texts.AskAudience, StepWait);
        await BroadcastScenario.PressAsync(bot, "all", "پیش‌نمایش اطلاعیه", wait: StepWait);
        await BroadcastScenario.PressAsync(bot, "send", Texts.AnnouncementQueued(recipients), wait: StepWait);
    }
}
