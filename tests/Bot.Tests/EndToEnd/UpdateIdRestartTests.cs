using Assembly.Bot.Pipeline;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>Telegram starts a bot's update ids again, lower, after a week without updates: the bot follows.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class UpdateIdRestartTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string Help = Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان");

    [Fact]
    public async Task Ids_that_restart_below_the_stored_offset_are_answered_confirmed_and_followed_by_the_cursor()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        telegram.RestartUpdateIds(1000);
        await using var bot = await BotTestHost.StartAsync(database, telegram);

        // The old series: 1000, 1001, 1002, answered; the stored offset becomes 1003.
        foreach (var user in new long[] { 4101, 4102, 4103 }) telegram.EnqueueText(user, "/help");
        await telegram.WaitUntilAsync(t => t.Sent.Count >= 3, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        // A week without updates, seen by the pruner's hourly run just before the week is over: the markers of the
        // old series are six days and 23 hours old.
        await using (var db = bot.Db())
        {
            var before = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-6).AddHours(-23);
            Assert.Equal(3, await db.ProcessedUpdates.ExecuteUpdateAsync(s => s.SetProperty(p => p.ProcessedAt, before)));
        }

        Assert.Equal(3, await bot.Services.GetRequiredService<ProcessedUpdatePruner>().RunOnceAsync(CancellationToken.None));

        // The new series starts below the stored offset, on ids the old one used.
        telegram.RestartUpdateIds(1001);
        Assert.Equal(1001, telegram.EnqueueText(4201, "/help"));
        telegram.EnqueueText(4202, "/help");
        telegram.EnqueueText(4203, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(4201).Count >= 1 && t.SentTo(4202).Count >= 1 && t.SentTo(4203).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        foreach (var user in new long[] { 4201, 4202, 4203 }) Assert.Equal(Help, Assert.Single(telegram.SentTo(user)).Text);
        // What the bot was handed is confirmed: the server keeps nothing to hand over again.
        await Eventually.TrueAsync(() => telegram.PendingUpdates == 0);

        await bot.StopAsync();
        await using var check = database.Open();
        Assert.Equal(1004, (await check.PollCursors.SingleAsync(c => c.Messenger == "telegram")).NextOffset);
    }
}
