using System.Diagnostics;
using Assembly.Storage;

namespace Assembly.Bot.Tests.Support;

/// <summary>Waits for something the bot does in the background, failing with a clear message if it never happens.</summary>
public static class Eventually
{
    public static async Task StoredAsync(BotTestHost bot, Func<BotDbContext, Task<bool>> condition, int seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = bot.Db())
                if (await condition(db)) return;
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException("The database never reached the expected state.");
            await Task.Delay(50);
        }
    }

    public static async Task TrueAsync(Func<bool> condition, int seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException("The condition never became true.");
            await Task.Delay(10);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException("The condition never became true.");
            await Task.Delay(50);
        }
    }
}
