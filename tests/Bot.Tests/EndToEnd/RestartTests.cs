using Assembly.Bot.Tests.Support;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

[Trait(Suites.Name, Suites.Slow)]
public sealed class RestartTests
{
    [Fact]
    public async Task Host_stopped_in_the_middle_of_1000_updates_answers_every_update_exactly_once_after_a_restart()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();

        // Each update is a command the bot does not know, so its answer names it: "/c17" is answered about "/c17".
        const int users = 40, total = 1000;
        for (var i = 0; i < total; i++)
            telegram.EnqueueText(5000 + i % users, $"/c{i}");

        var first = await BotTestHost.StartAsync(database, telegram);
        await telegram.WaitUntilAsync(t => t.Sent.Count >= 150, TimeSpan.FromSeconds(30));
        await first.StopAsync(); // in the middle: batches unfinished, the outbox not drained
        var sentBeforeRestart = telegram.Sent.Count;
        Assert.True(sentBeforeRestart < total, $"the stop came too late to test anything ({sentBeforeRestart} sent)");

        await using var second = await BotTestHost.StartAsync(database, telegram);
        await telegram.WaitUntilAsync(t => t.Sent.Count >= total, TimeSpan.FromSeconds(60));
        await second.WaitUntilQuietAsync(TimeSpan.FromSeconds(60), telegram);

        var answered = telegram.Sent.Select(m => m.Text!).ToList();
        Assert.Equal(total, answered.Count);
        for (var i = 0; i < total; i++)
            Assert.Single(answered, text => text.Contains($"«/c{i}»", StringComparison.Ordinal));

        // Each user got their answers in the order they wrote.
        foreach (var user in Enumerable.Range(5000, users))
        {
            var numbers = telegram.SentTo(user).Select(m => int.Parse(m.Text!.Split('«', '»')[1][2..])).ToList();
            Assert.Equal(numbers.Order().ToList(), numbers);
        }

        await Eventually.StoredAsync(second, async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent) == total);
        await using var db = second.Db();
        Assert.Equal(total, await db.ProcessedUpdates.CountAsync());
        Assert.Equal(total, await db.Outbox.CountAsync());
    }
}
