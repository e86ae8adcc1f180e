using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Two instances of the bot, each its own process, on one PostgreSQL database behind webhooks, the fake standing
/// in for Telegram and for the load balancer in front of them. One of them is killed (SIGKILL) in the middle of
/// the traffic while it holds the scheduler's lease.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private const string Secret = "two-instances-webhook-secret-0123456789";
    private const int Users = 100;
    private const int MessagesEach = 10;
    private const int Members = 30;
    private const long FirstUser = 9001;
    private const long FirstMember = 8001;

    [PostgresFact]
    public async Task Every_update_is_answered_in_order_and_every_reminder_sent_and_only_what_was_on_the_wire_goes_twice_when_one_of_two_instances_is_killed()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();

        // The schema first, once, as a deployment does (docs/operations.md); then the instances.
        using (var migrate = new RunningBot(BotProcess(database, telegram, "migrate", port: 0, via: "127.0.0.1")))
            Assert.True(await migrate.ExitCodeAsync() == 0, migrate.Output);

        var reminders = await SeedMembersAndASessionAsync(database);
        var portA = FreePort();
        var portB = FreePort();
        using var a = new RunningBot(BotProcess(database, telegram, "run", portA, via: "localhost"));
        await HealthyAsync(portA);
        // A takes the lease (nobody else is there) and sends the reminder already due.
        await LeaseHeldByAsync(database, a.Id);
        using var b = new RunningBot(BotProcess(database, telegram, "run", portB, via: "127.0.0.1"));
        await HealthyAsync(portB);
        {
            telegram.RouteWebhookTo($"http://127.0.0.1:{portA}", $"http://127.0.0.1:{portB}");
            await telegram.WaitUntilAsync(t => t.WebhookUrl is not null, TimeSpan.FromSeconds(30));

            for (var k = 0; k < MessagesEach; k++)
                for (var user = FirstUser; user < FirstUser + Users; user++)
                    telegram.EnqueueText(user, Command(user, k));

            // Half-way, A dies: first its sends stop being answered (they did reach Telegram), then, once everything it
            // claimed is on the wire, SIGKILL. Once its heartbeat is stale, B sends its claimed rows again: second copies.
            await telegram.WaitUntilAsync(t => Replies(t).Count >= Users * MessagesEach / 2, TimeSpan.FromSeconds(60));
            output.WriteLine($"before the hold: requests from A {telegram.RequestsVia("localhost")}, from B {telegram.RequestsVia("127.0.0.1")}, replies {Replies(telegram).Count}");
            telegram.HoldAnswersTo("localhost");
            await AllClaimsOnTheWireAsync(database, telegram, a.Id);
            await a.KillAsync();
            // The next two reminders come due after A's death: B must take the lease over to send them.
            await using (var db = database.Open())
            {
                var now = TimeProvider.System.GetUtcNow().UtcDateTime;
                await db.MeetingReminders.Where(r => r.Id == reminders[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAt, now));
                await db.MeetingReminders.Where(r => r.Id == reminders[2]).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAt, now.AddSeconds(2)));
            }

            await telegram.WaitUntilAsync(t => Distinct(Replies(t)) >= Users * MessagesEach && Distinct(MemberMessages(t)) >= Members * 3, TimeSpan.FromSeconds(90));
            await Quiet.UntilAsync(database.Open, TimeSpan.FromSeconds(60), telegram);

            // Every chat is answered: each update at least once, in the order the member sent them. A message A had on
            // the wire when it died arrived and is sent again by B: its second copy comes right after it, before the
            // chat's next message.
            var secondCopies = 0;
            for (var user = FirstUser; user < FirstUser + Users; user++)
            {
                var expected = Enumerable.Range(0, MessagesEach).Select(k => Texts.UnknownCommand(Command(user, k))).ToList();
                var got = telegram.SentTo(user).Select(m => m.Text ?? "").ToList();
                Assert.Equal(expected, WithoutRepeats(got));
                secondCopies += got.Count - expected.Count;
            }

            foreach (var member in Enumerable.Range(0, Members).Select(i => FirstMember + i))
            {
                var got = telegram.SentTo(member).Select(m => m.Text).ToList();
                Assert.Equal(3, got.Distinct().Count());
                Assert.Equal(got.Distinct(), WithoutRepeats(got));
                secondCopies += got.Count - 3;
            }

            // Only what A had on the wire went twice, each once more.
            output.WriteLine($"second copies: {secondCopies}");
            Assert.Equal(telegram.HeldAnswers("localhost"), secondCopies);

            output.WriteLine($"posts: {telegram.WebhookPosts.Count} ({telegram.WebhookPosts.Count(p => p.Status != 200)} failed, to A {telegram.WebhookPosts.Count(p => p.Target.EndsWith($":{portA}", StringComparison.Ordinal))}); "
                + $"held at A's death: {telegram.HeldAnswers("localhost")}; requests from A {telegram.RequestsVia("localhost")}, from B {telegram.RequestsVia("127.0.0.1")}");
            Assert.Equal(0, telegram.PendingUpdates);
            // Both instances took updates.
            Assert.Contains(telegram.WebhookPosts, p => p.Status == 200 && p.Target.EndsWith($":{portA}", StringComparison.Ordinal));
            Assert.Contains(telegram.WebhookPosts, p => p.Status == 200 && p.Target.EndsWith($":{portB}", StringComparison.Ordinal));

            await using var check = database.Open();
            Assert.Equal(Users * MessagesEach, await check.ProcessedUpdates.CountAsync());
            Assert.Equal(0, await check.ProcessedUpdates.CountAsync(p => p.Failed));
            Assert.True(await check.MeetingReminders.AllAsync(r => r.SentAt != null));
            Assert.Equal(0, await check.Outbox.CountAsync(o => o.Status != OutboxStatus.Sent));
            // The rows A had on the wire: sent by B, their cut-off try counted.
            Assert.Equal(telegram.HeldAnswers("localhost"), await check.Outbox.CountAsync(o => o.Attempts == 2));
            var holder = await check.Database.SqlQueryRaw<string>("SELECT \"Holder\" AS \"Value\" FROM \"Leases\" WHERE \"Name\" = 'scheduler'").SingleAsync();
            Assert.Contains($"-{b.Id}-", holder);
        }

        await b.KillAsync();
        Assert.DoesNotContain(telegram.Token, a.Output + b.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, a.Output + b.Output, StringComparison.Ordinal);
    }

    private static string Command(long user, int k) => $"/x{user}_{k}";

    private static int Distinct(List<SentMessage> sent) => sent.Select(m => (m.ChatId, m.Text)).Distinct().Count();

    /// <summary>The texts with each run of one text counted once: a second copy follows its first at once.</summary>
    private static List<T> WithoutRepeats<T>(IEnumerable<T> texts)
    {
        var kept = new List<T>();
        foreach (var text in texts)
            if (kept.Count == 0 || !EqualityComparer<T>.Default.Equals(kept[^1], text)) kept.Add(text);
        return kept;
    }

    private static List<SentMessage> Replies(FakeBotApiServer telegram) =>
        telegram.Sent.Where(m => m.ChatId >= FirstUser && m.ChatId < FirstUser + Users).ToList();

    private static List<SentMessage> MemberMessages(FakeBotApiServer telegram) =>
        telegram.Sent.Where(m => m.ChatId >= FirstMember && m.ChatId < FirstMember + Members).ToList();

    /// <summary>30 members and a session for all of them with three reminders: the first due now, two far ahead.</summary>
    private static async Task<int[]> SeedMembersAndASessionAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        for (var i = 0; i < Members; i++)
        {
            var member = new Member { Name = $"عضو {i}", Phone = $"+98912000{i:D4}", County = "کاشان", CreatedAt = now };
            member.Accounts.Add(new Account { Messenger = "telegram", UserId = FirstMember + i, ChatId = FirstMember + i, LinkedAt = now });
            db.Members.Add(member);
        }

        var meeting = new Meeting
        {
            Title = "نشست ماهانه", StartsAt = now.AddDays(1), Place = "سالن اجتماعات", Agenda = "گزارش دبیرخانه‌ها",
            Audience = "all", Status = MeetingStatus.Published, CreatedBy = "telegram:1", CreatedAt = now,
        };
        foreach (var hours in new[] { 3, 2, 1 })
            meeting.Reminders.Add(new MeetingReminder { DueAt = hours == 3 ? now : now.AddYears(1), Before = TimeSpan.FromHours(hours) });
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Reminders.OrderByDescending(r => r.Before).Select(r => r.Id).ToArray();
    }

    private static ProcessStartInfo BotProcess(TestDatabase database, FakeBotApiServer telegram, string command, int port, string via)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(BotHost).Assembly.Location, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(database.File)!,
        };
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = database.Provider,
            ["ConnectionStrings__Bot"] = database.ConnectionString,
            ["Messengers__Telegram__Token"] = telegram.Token,
            // Each instance under its own host name, so the fake can tell them apart (HoldAnswersTo).
            ["Messengers__Telegram__BaseUrl"] = telegram.BaseUrl.Replace("127.0.0.1", via, StringComparison.Ordinal),
            ["Messengers__Bale__Token"] = "",
            ["Messengers__Telegram__Webhook__Url"] = "https://bot.example.org/hooks/telegram",
            ["Messengers__Telegram__Webhook__Secret"] = Secret,
            ["Http__Urls"] = $"http://127.0.0.1:{port}",
            // Short, so a dead holder's lease and claims expire within the test.
            ["Instances__LeaseSeconds"] = "3",
            ["Scheduler__IntervalSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task HealthyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false; // not listening yet, or a first answer slower than the client waits: ask again
            }
        }, seconds: 60);
    }

    private static async Task LeaseHeldByAsync(TestDatabase database, int pid)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var db = database.Open();
            var holders = await db.Database.SqlQueryRaw<string>("SELECT \"Holder\" AS \"Value\" FROM \"Leases\" WHERE \"Name\" = 'scheduler'").ToListAsync();
            return holders.Any(h => h.Contains($"-{pid}-", StringComparison.Ordinal));
        }, seconds: 30);
    }

    /// <summary>Every row A has claimed (Sending) has reached the fake, and A claims no more (its sends all hang).</summary>
    private static async Task AllClaimsOnTheWireAsync(TestDatabase database, FakeBotApiServer telegram, int pid)
    {
        var stable = 0;
        var last = -1;
        await Eventually.TrueAsync(async () =>
        {
            await using var db = database.Open();
            var claimed = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sending && o.ClaimedBy!.Contains($"-{pid}-"));
            var held = telegram.HeldAnswers("localhost");
            stable = claimed == held && claimed == last ? stable + 1 : 0;
            last = claimed;
            return stable >= 5; // the same for five looks in a row (about a quarter of a second)
        }, seconds: 30);
    }

    /// <summary>A bot process whose output is read as it comes (a full pipe would stall it); killed when disposed.</summary>
    private sealed class RunningBot : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        public RunningBot(ProcessStartInfo info)
        {
            _process = new Process { StartInfo = info };
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public async Task<int> ExitCodeAsync()
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return _process.ExitCode;
        }

        /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
        public async Task KillAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }
    }
}
