using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>Two instances handling updates on one PostgreSQL database at the same time.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class MultiInstancePipelineTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [PostgresFact]
    public async Task An_update_delivered_to_two_instances_at_once_is_answered_once_and_never_with_an_apology()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var logs = new LogCollector();
        await using var first = await BotTestHost.StartAsync(database, telegram, logs: logs, settings: MultiInstanceSendingTests.Quick);
        await using var second = await BotTestHost.StartAsync(database, telegram, logs: logs, settings: MultiInstanceSendingTests.Quick);
        long ids = 1_000;
        var a = new PipelineDriver(first, () => Interlocked.Increment(ref ids));
        var b = new PipelineDriver(second, () => Interlocked.Increment(ref ids));

        // Each update (an unknown command, answered by name) to both instances at the same moment; four chats, so
        // some batches hold several chats.
        const int rounds = 30;
        for (var round = 0; round < rounds; round++)
        {
            var batch = Enumerable.Range(0, 1 + round % 4)
                .Select(chat => PipelineDriver.Text(Interlocked.Increment(ref ids), 9601 + chat, $"/c{round}x{chat}")).ToArray();
            await Task.WhenAll(Task.Run(() => a.HandleAsync(batch)), Task.Run(() => b.HandleAsync(batch)));
        }

        var expected = Enumerable.Range(0, rounds).Sum(round => 1 + round % 4);
        await telegram.WaitUntilAsync(t => t.Sent.Count >= expected, Wait);
        await first.WaitUntilQuietAsync(Wait, telegram);
        Assert.Equal(expected, telegram.Sent.Count);
        Assert.Equal(expected, telegram.Sent.Select(m => m.Text).Distinct().Count());
        Assert.DoesNotContain(telegram.Sent, m => m.Text == Texts.SorryFailed);
        // Not even a failure recovered from: the second instance waited for the first and found the update done.
        Assert.DoesNotContain(logs.Lines, line => line.Contains("UpdatePipeline", StringComparison.Ordinal) && line.Contains("fail", StringComparison.Ordinal));
        await using var db = first.Db();
        Assert.Equal(expected, await db.ProcessedUpdates.CountAsync(p => !p.Failed));
    }

    [PostgresFact]
    public async Task Reports_to_one_secretariat_submitted_at_once_on_two_instances_get_distinct_codes()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var first = await BotTestHost.StartAsync(database, telegram, settings: MultiInstanceSendingTests.Quick);
        await using var second = await BotTestHost.StartAsync(database, telegram, settings: MultiInstanceSendingTests.Quick);
        long ids = 1_000;
        var drivers = new[] { new PipelineDriver(first, () => Interlocked.Increment(ref ids)), new PipelineDriver(second, () => Interlocked.Increment(ref ids)) };

        // Six members of the same county, each on one of the two instances, reach the preview of a report to the
        // Rajaei secretariat side by side, then all press «submit» at the same moment.
        var members = Enumerable.Range(0, 6).Select(i => (Id: 9701L + i, Driver: drivers[i % 2])).ToList();
        await Task.WhenAll(members.Select(m => Task.Run(async () =>
        {
            await m.Driver.RegisterAsync(m.Id, $"0912123{m.Id:0000}");
            await m.Driver.ReportUpToPreviewAsync(m.Id);
        })));
        var submits = await Task.WhenAll(members.Select(m => m.Driver.PressUpdateAsync(m.Id, "submit")));
        await Task.WhenAll(members.Select((m, i) => Task.Run(() => m.Driver.HandleAsync(submits[i]))));

        await using var db = first.Db();
        var codes = await db.Reports.Select(r => r.Code).ToListAsync();
        Assert.Equal(6, codes.Count);
        Assert.Equal(6, codes.Distinct().Count());
        Assert.All(codes, code => Assert.StartsWith("RJ-", code));
        Assert.Empty(await db.ProcessedUpdates.Where(p => p.Failed).ToListAsync());
        await telegram.WaitUntilAsync(t => members.All(m => t.SentTo(m.Id).Any(s => codes.Any(c => s.Text!.Contains(c, StringComparison.Ordinal)))), Wait);
        Assert.DoesNotContain(telegram.Sent, m => m.Text == Texts.SorryFailed);
    }
}
