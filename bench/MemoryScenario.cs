using Assembly.FakeBotApi;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bench;

/// <summary>
/// Memory: the bot's own process (<see cref="BotProcess"/>) on a database of N members, of whom C open a report
/// conversation (each sends the command and gets the first question, so C conversations are open at once),
/// then 500 others file a report each through the whole conversation. The figure is the process's peak resident
/// memory (VmHWM) over all of it, and what it holds at the end (VmRSS).
/// </summary>
internal static class MemoryScenario
{
    private const string Name = "memory";
    private const long FirstMember = 720_000_001;
    private const int Rush = 500;

    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options)
    {
        var peak = new Measure(Name, $"peak resident memory, {options.Members:N0} members, {options.Conversations:N0} open conversations", "MB", []);
        var end = new Measure(Name, "resident memory at the end", "MB", []);
        Console.Error.WriteLine($"memory: {options.Members} members, {options.Conversations} conversations opened, then {Rush} reports filed; {options.Runs} runs");
        for (var run = 1; run <= options.Runs; run++)
        {
            var (e, p) = await RunOnceAsync(options);
            Console.Error.WriteLine($"  run {run}: peak {p:0} MB, at the end {e:0} MB");
            peak.Values.Add(p);
            end.Values.Add(e);
        }

        return [peak, end];
    }

    private static async Task<(double End, double Peak)> RunOnceAsync(BenchOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "assembly-bench", "memory-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "bot.db");
        try
        {
            await using var fake = await FakeBotApiServer.StartAsync();
            // The first start creates the schema; the members are put in while it is stopped.
            await using (var creating = BotProcess.Start(fake, database, folder))
                await fake.WaitUntilAsync(f => f.GetUpdatesCalls > 0, TimeSpan.FromSeconds(60));
            await SeedAsync(database, options.Members);

            await using var bot = BotProcess.Start(fake, database, folder);
            var polls = fake.GetUpdatesCalls;
            await fake.WaitUntilAsync(f => f.GetUpdatesCalls > polls, TimeSpan.FromSeconds(60));

            // C members open a conversation each; the bot asks each the first question.
            var sentBefore = fake.Sent.Count;
            for (var i = 0; i < options.Conversations; i++) fake.EnqueueText(FirstMember + i, "/report");
            await fake.WaitUntilAsync(f => f.Sent.Count >= sentBefore + options.Conversations, TimeSpan.FromSeconds(300));

            // Then a rush of others through the whole conversation, while those stay open.
            using var driver = new ConversationDriver(fake, FirstMember + options.Conversations, Math.Min(Rush, options.Members - options.Conversations), 1, rate: 0);
            await driver.RunAsync(TimeSpan.FromSeconds(300));
            return bot.Memory();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(string database, int members)
    {
        var options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={database}").Options;
        for (var start = 0; start < members; start += 10_000)
        {
            await using var db = new BotDbContext(options);
            for (var i = start; i < Math.Min(members, start + 10_000); i++)
            {
                var id = FirstMember + i;
                db.Members.Add(new Member
                {
                    Name = $"عضو {i}", Phone = $"+98914{i:0000000}", County = "کاشان", CreatedAt = DateTime.UnixEpoch,
                    Accounts = { new Account { Messenger = "telegram", UserId = id, ChatId = id } },
                });
            }

            await db.SaveChangesAsync();
        }
    }
}
