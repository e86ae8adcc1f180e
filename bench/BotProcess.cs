using System.Diagnostics;
using System.Globalization;
using Assembly.FakeBotApi;

namespace Assembly.Bench;

/// <summary>
/// The bot as operators run it: its own process (the Assembly.Bot executable built beside the bench, with its own
/// runtime settings), configured by environment variables against a fake in this process. For what only a
/// separate process shows: how long it takes to start, and how much memory it holds.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>
    /// Starts the bot on the database file <paramref name="database"/>, polling <paramref name="fake"/>; <paramref name="settings"/>
    /// (configuration keys as in appsettings.json, e.g. <c>Pipeline:Lanes</c>) are passed as environment variables.
    /// </summary>
    public static BotProcess Start(FakeBotApiServer fake, string database, string workingDirectory,
        IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "Assembly.Bot");
        if (!File.Exists(executable)) throw new BenchFailure($"The bot's executable is not at {executable}; build the bench first.");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Bot"] = $"Data Source={database}",
                ["Messengers__Telegram__Token"] = fake.Token,
                ["Messengers__Telegram__BaseUrl"] = fake.BaseUrl,
                ["Messengers__Telegram__PollTimeoutSeconds"] = "1",
                ["Messengers__Bale__Token"] = "",
                // Logs would cost time and say nothing here.
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? []) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new BenchFailure("The bot's process could not be started.");
        // Read what it writes, so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("    bot: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process);
    }

    /// <summary>The CPU time the bot's process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM of /proc/PID/status), in MB.</summary>
    public (double Resident, double Peak) Memory()
    {
        double Read(string key)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            var kb = line[(key.Length + 1)..].Trim().Split(' ')[0];
            return double.Parse(kb, CultureInfo.InvariantCulture) / 1024;
        }

        return (Read("VmRSS"), Read("VmHWM"));
    }

    /// <summary>SIGKILL, as a crash or the OOM killer: nothing of the bot's own shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // As systemd stops it; the host stops gracefully on SIGTERM.
        await Termination.StopAsync(_process, TimeSpan.FromSeconds(30));
        _process.Dispose();
    }
}
