using System.Net;
using System.Net.Sockets;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

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
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale: bale);

        // Counted from the first call, so a slow start on a busy machine does not eat into the three seconds.
        await bale.WaitUntilAsync(b => b.GetUpdatesCalls >= 1, Wait);
        var first = bale.GetUpdatesCalls;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var calls = bale.GetUpdatesCalls - first;

        // Backing off from 250 ms to 2 s makes about six calls in three seconds; a spinning loop makes thousands.
        Assert.InRange(calls, 1, 15);

        // And it still answers promptly enough when somebody writes.
        bale.EnqueueText(3002, "/help");
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
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, logs: logs, settings: new Dictionary<string, string?>
        {
            // Telegram answers 401 to a wrong token; Bale's address has nobody listening.
            ["Messengers:Telegram:Token"] = secret,
            ["Messengers:Telegram:BaseUrl"] = telegram.BaseUrl,
            ["Messengers:Bale:Token"] = secret,
            ["Messengers:Bale:BaseUrl"] = $"http://127.0.0.1:{port}",
        });

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await bot.StopAsync();

        var failures = logs.Lines.Where(l => l.Contains("getUpdates failed", StringComparison.Ordinal)).ToList();
        Assert.Contains(failures, l => l.Contains("telegram", StringComparison.Ordinal) && l.Contains("Unauthorized", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("bale", StringComparison.Ordinal));
        // 1 s, 2 s, 4 s …: in 3.5 s each messenger fails at most three or four times, not hundreds.
        Assert.InRange(failures.Count, 2, 10);
        Assert.DoesNotContain("SECRET_never-in-logs", logs.All, StringComparison.Ordinal);
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
