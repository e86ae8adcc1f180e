using Assembly.Bot.Pipeline;
using Assembly.Bot.Tests.Support;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

[Trait(Suites.Name, Suites.Slow)]
public sealed class PrunerTests
{
    [Fact]
    public async Task Markers_older_than_six_days_are_forgotten_and_recent_ones_kept()
    {
        using var database = new TestDatabase();
        await using var bot = await BotTestHost.StartAsync(database, telegram: null);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var db = bot.Db())
        {
            db.ProcessedUpdates.AddRange(
                new ProcessedUpdate { Messenger = "telegram", UpdateId = 1, ProcessedAt = now.AddDays(-6).AddMinutes(-5) },
                new ProcessedUpdate { Messenger = "bale", UpdateId = 2, ProcessedAt = now.AddDays(-5).AddHours(-23) });
            await db.SaveChangesAsync();
        }

        var removed = await bot.Services.GetRequiredService<ProcessedUpdatePruner>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        await using var check = bot.Db();
        Assert.Equal([2L], await check.ProcessedUpdates.Select(p => p.UpdateId).ToListAsync());
    }
}
