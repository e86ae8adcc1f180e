using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Alone on its database the outbox sender sleeps until woken, looking only once a minute on its own; what it must
/// send without being woken by a commit of its own process still goes when due.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class IdleSenderTests
{
    [Fact]
    public async Task A_retry_left_waiting_by_the_previous_process_goes_when_due_not_at_the_next_idle_look()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var first = await BotTestHost.StartAsync(database, telegram);
        await first.StopAsync();

        // What a process stopped during a retry's wait leaves: a pending row due a few seconds from now.
        var due = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(3);
        await using (var db = database.Open())
        {
            var row = OutboxWriter.Enqueue(db, new TextMessage("retried after a restart") { To = new ChatAddress("telegram", 9501), ToKind = ChatKind.Private },
                TimeProvider.System.GetUtcNow().UtcDateTime);
            row.NotBefore = due;
            row.Attempts = 1;
            await db.SaveChangesAsync();
        }

        await using var second = await BotTestHost.StartAsync(database, telegram);
        // Well within the sender's minute of idle look: only the due time read at start can have woken it.
        await telegram.WaitUntilAsync(t => t.SentTo(9501).Count >= 1, TimeSpan.FromSeconds(30));
        var sent = Assert.Single(telegram.SentTo(9501));
        Assert.Equal("retried after a restart", sent.Text);
        Assert.True(sent.At.UtcDateTime >= due.AddMilliseconds(-50), $"sent at {sent.At:O}, before its due time {due:O}");
    }
}
