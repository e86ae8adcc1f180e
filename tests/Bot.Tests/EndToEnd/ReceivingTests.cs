using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The long-polling loop: offsets, redeliveries, servers that ignore the timeout, servers that fail.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ReceivingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_update_delivered_again_is_ignored_and_the_offset_is_kept_in_the_database()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale: bale);

        var id = bale.EnqueueText(3001, "/help");
        await bale.WaitUntilAsync(b => b.Sent.Count >= 1, Wait);
        bale.Redeliver(id);
        bale.Redeliver(id);
        bale.EnqueueText(3001, "/start");
        await bale.WaitUntilAsync(b => b.Sent.Count >= 2, Wait);
        await bot.WaitUntilQuietAsync(Wait, bale);

        Assert.Equal(2, bale.Sent.Count);

        // The cursor is written with each batch and exactly on a clean stop.
        await bot.StopAsync();
        await using var db = database.Open();
        var cursor = await db.PollCursors.SingleAsync(c => c.Messenger == "bale");
        Assert.Equal(id + 2, cursor.NextOffset);
    }

    [Fact]
    public async Task A_server_that_answers_at_once_with_nothing_does_not_make_the_loop_spin()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { IgnoreLongPollTimeout = true });
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale: bale, clock: clock);

        // Each empty answer is followed by a wait on the bot's clock, doubling from 250 ms to 2 s: with the clock
        // moved on in small steps, the next call comes only once that wait has passed, and a spinning loop would
        // call again without the clock moving at all.
        await bale.WaitUntilAsync(b => b.GetUpdatesCalls >= 1, Wait);
        foreach (var wait in new[] { 250, 500, 1000, 2000, 2000 })
        {
            var calls = bale.GetUpdatesCalls;
            var moved = await AdvanceUntilAsync(clock, () => bale.GetUpdatesCalls > calls);
            Assert.Equal(calls + 1, bale.GetUpdatesCalls);
            // The call may be seen one step after it was made, so the wait may look one step shorter than it was; and the
            // clock moves on while the answer is read, before the next wait begins, so it may look a few steps longer.
            Assert.InRange(moved.TotalMilliseconds, wait - Step.TotalMilliseconds, wait + 10 * Step.TotalMilliseconds);
        }

        // And it still answers promptly enough when somebody writes: the message is taken at the end of the current wait.
        var polls = bale.GetUpdatesCalls;
        bale.EnqueueText(3002, "/help");
        var taken = await AdvanceUntilAsync(clock, () => bale.GetUpdatesCalls > polls);
        // The clock moves on while the last empty answer is read, before the wait begins: a few steps' slack, as above.
        Assert.True(taken <= TimeSpan.FromSeconds(2) + 10 * Step, $"taken {taken.TotalSeconds:0.00} s later on the bot's clock");
        await bale.WaitUntilAsync(b => b.Sent.Count >= 1, Wait);
    }

    [Fact]
    public async Task Errors_back_off_and_are_logged_without_the_token()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync(); // expects its own token
        var logs = new LogCollector();
        const string secret = "424242:SECRET_never-in-logs";
        var port = ClosedPort();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, logs: logs, clock: clock, settings: new Dictionary<string, string?>
        {
            // Telegram answers 401 to a wrong token; Bale's address has nobody listening.
            ["Messengers:Telegram:Token"] = secret,
            ["Messengers:Telegram:BaseUrl"] = telegram.BaseUrl,
            ["Messengers:Bale:Token"] = secret,
            ["Messengers:Bale:BaseUrl"] = $"http://127.0.0.1:{port}",
        });

        List<string> Failures(string messenger) => logs.Lines
            .Where(l => l.Contains(messenger + ": getUpdates failed", StringComparison.Ordinal)).ToList();

        // Each failure is followed by a wait on the bot's clock, doubling from 1 s: three failures each take the clock
        // past 1 + 2 s, and the waits they announce are 1 s, 2 s and 4 s.
        var moved = await AdvanceUntilAsync(clock, () => Failures("telegram").Count >= 3 && Failures("bale").Count >= 3);
        await bot.StopAsync();

        Assert.InRange(moved.TotalSeconds, 3 - Step.TotalSeconds, 4);
        foreach (var messenger in new[] { "telegram", "bale" })
        {
            var failures = Failures(messenger);
            Assert.Equal(3, failures.Count);
            Assert.Equal(["00:00:01", "00:00:02", "00:00:04"], failures.Select(l => Regex.Match(l, @"trying again in (\S+):").Groups[1].Value));
        }

        Assert.Contains(Failures("telegram"), l => l.Contains("Unauthorized", StringComparison.Ordinal));
        Assert.DoesNotContain("SECRET_never-in-logs", logs.All, StringComparison.Ordinal);
    }

    /// <summary>How far the bot's clock is moved at a time.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(25);

    /// <summary>Moves <paramref name="clock"/> on a step at a time, letting the bot act after each, until <paramref name="condition"/> holds; returns how far it moved.</summary>
    private static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition)
    {
        var moved = TimeSpan.Zero;
        await Eventually.TrueAsync(() =>
        {
            if (condition()) return true;
            clock.Advance(Step);
            moved += Step;
            return false;
        }, seconds: 60);
        return moved;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
