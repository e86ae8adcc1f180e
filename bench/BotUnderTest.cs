using System.Diagnostics;
using Assembly.Bot.Hosting;
using Assembly.FakeBotApi;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bench;

/// <summary>
/// One bot under measurement, fresh for every run so no run inherits another's rows: a temp folder with a
/// SQLite file, a fake Bot API (without flood limits unless given options that set them: the pipeline's own
/// speed is measured, not Telegram's pacing), and the real host built by <see cref="BotHost"/>, as in
/// production. The host can be stopped and started again on the same database and fake.
///
/// With <c>ownProcess</c> the bot is instead its own executable (<see cref="BotProcess"/>), as operators run it: with
/// its own runtime settings (garbage collector included) and its own heap, not shared with the fake and the members.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly string _folder;
    private readonly bool _ownProcess;
    private IHost? _host;

    private BotUnderTest(string folder, FakeBotApiServer fake, bool ownProcess)
    {
        _folder = folder;
        Fake = fake;
        _ownProcess = ownProcess;
    }

    public FakeBotApiServer Fake { get; }

    /// <summary>The bot's own process while it runs, when it was created with <c>ownProcess</c>.</summary>
    public BotProcess? Process { get; private set; }

    private string Database => Path.Combine(_folder, "bot.db");

    public static async Task<BotUnderTest> CreateAsync(FakeBotApiOptions? fakeOptions = null, bool ownProcess = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "assembly-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new BotUnderTest(folder, await FakeBotApiServer.StartAsync(fakeOptions), ownProcess);
    }

    /// <summary>
    /// Builds and starts the host; returns once its services have started (schema migrated, loops running). A bot in its
    /// own process has started once it first asks for updates.
    /// </summary>
    public async Task StartAsync(IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        if (_ownProcess)
        {
            var polls = Fake.GetUpdatesCalls;
            Process = BotProcess.Start(Fake, Database, _folder, settings);
            // Generous: on a machine loaded by others a process can take minutes to start, and only a stuck one should fail.
            await Fake.WaitUntilAsync(f => f.GetUpdatesCalls > polls, TimeSpan.FromSeconds(300));
            return;
        }

        var overrides = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Bot"] = $"Data Source={Database}",
            ["Messengers:Telegram:Token"] = Fake.Token,
            ["Messengers:Telegram:BaseUrl"] = Fake.BaseUrl,
            // While updates wait the poll returns at once anyway; a short one only makes the stop quick.
            ["Messengers:Telegram:PollTimeoutSeconds"] = "1",
            ["Messengers:Bale:Token"] = "",
        };
        foreach (var (key, value) in settings) overrides[key] = value;

        var builder = BotHost.CreateBuilder([], BotMode.Serve, overrides);
        // Writing logs would take time from the pipeline and distort the figures.
        if (Environment.GetEnvironmentVariable("BENCH_LOG") is null) builder.Logging.ClearProviders();
        _host = builder.Build();
        await _host.StartAsync();
    }

    /// <summary>
    /// Stops the host the way the process stops on a signal (its StopAsync: sends on the wire finish and are
    /// recorded, nothing new is claimed) and lets it go; <see cref="StartAsync"/> may then start a new one.
    /// </summary>
    public async Task StopAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
            Process = null;
        }

        if (_host is null) return;
        var host = _host;
        _host = null;
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>Kills the bot's own process with SIGKILL; <see cref="StartAsync"/> may then start a new one on the same database.</summary>
    public async Task KillAsync()
    {
        if (Process is null) throw new InvalidOperationException("Only a bot in its own process can be killed.");
        await Process.KillAsync();
        await Process.DisposeAsync();
        Process = null;
    }

    /// <summary>A fresh context on the bot's database, to check what it stored.</summary>
    public BotDbContext Db() => _ownProcess
        ? new BotDbContext(new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={Database}").Options)
        : _host!.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();

    /// <summary>Completes when the fake has recorded at least <paramref name="count"/> sends.</summary>
    public Task WaitForSendsAsync(int count, TimeSpan timeout)
    {
        // Sent copies the fake's whole list under its lock. Looking at every send would cost O(N²) copying
        // and take CPU from the bot being measured, so look at most every 20 ms (the fake also wakes the wait
        // every 50 ms). Figures come from the fake's own time stamps, not from when this wait ends.
        var sinceLook = Stopwatch.StartNew();
        return Fake.WaitUntilAsync(fake =>
        {
            if (sinceLook.ElapsedMilliseconds < 20) return false;
            sinceLook.Restart();
            return fake.Sent.Count >= count;
        }, timeout);
    }

    /// <summary>
    /// Completes when no outbox row is pending or in flight. Every outcome is then written, so a message
    /// sent twice would be in the fake's record by now.
    /// </summary>
    public async Task WaitForOutboxSettledAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = Db())
            {
                if (!await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending))
                    return;
            }

            if (clock.Elapsed > timeout)
            {
                await using var db = Db();
                var left = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending)
                    .OrderBy(o => o.Id).Take(5).Select(o => $"#{o.Id} {o.Status} {o.Priority} to {o.ChatId}, {o.Attempts} attempts, {o.LastError}").ToListAsync();
                throw new BenchFailure($"The outbox still had unsent rows {timeout.TotalSeconds:0} s after the last reply, e.g. " + string.Join("; ", left));
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Fake.DisposeAsync();
        // Pooled connections keep the file open; let them go so the folder can be deleted.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
