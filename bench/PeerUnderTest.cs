using System.Diagnostics;
using Assembly.FakeBotApi;

namespace Assembly.Bench;

/// <summary>
/// The grammY peer (bench/peer-grammy): the same report conversation written with grammY, its conversations
/// plugin and its runner, storing each step in SQLite. It runs as a Node.js process against a fake of its own,
/// with a database file in a temp folder, fresh for every run like <see cref="BotUnderTest"/>.
/// </summary>
internal sealed class PeerUnderTest : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process _process;

    private PeerUnderTest(string folder, FakeBotApiServer fake, Process process)
    {
        _folder = folder;
        Fake = fake;
        _process = process;
    }

    public FakeBotApiServer Fake { get; }

    /// <summary>The node process's id, to read its CPU time and memory from /proc.</summary>
    public int Id => _process.Id;

    public string DatabasePath => Path.Combine(_folder, "peer.db");

    /// <summary>The peer's folder, found from the working directory (the repository's root, as the README runs it) or the bench's.</summary>
    public static string? Folder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "peer-grammy");
                if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
            }

        return null;
    }

    /// <summary>
    /// Starts the peer and returns once it said it polls. <paramref name="pollTimeout"/> is its getUpdates long-poll
    /// timeout in seconds (the peer's own default, 1, when not given).
    /// </summary>
    public static async Task<PeerUnderTest> StartAsync(string peerFolder, int? pollTimeout = null)
    {
        if (!Directory.Exists(Path.Combine(peerFolder, "node_modules")))
            throw new BenchFailure($"The peer's packages are not installed: run `npm ci --prefix {peerFolder}` first.");
        var folder = Path.Combine(Path.GetTempPath(), "assembly-bench", "peer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var fake = await FakeBotApiServer.StartAsync();
        var start = new ProcessStartInfo("node", Path.Combine(peerFolder, "bot.mjs"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = peerFolder,
            Environment =
            {
                ["BOT_TOKEN"] = fake.Token,
                ["API_ROOT"] = fake.BaseUrl,
                ["DB_PATH"] = Path.Combine(folder, "peer.db"),
            },
        };
        if (pollTimeout is { } seconds) start.Environment["POLL_TIMEOUT"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new BenchFailure("node could not be started.");
        var peer = new PeerUnderTest(folder, fake, process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data == "ready") ready.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await peer.DisposeAsync();
            throw new BenchFailure("The grammY peer did not say it was ready within 30 s: " + errors);
        }

        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        // The runner finishes on SIGTERM and the process exits by itself.
        await Termination.StopAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
        await Fake.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
