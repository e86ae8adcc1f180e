using System.Globalization;
using System.Runtime.InteropServices;

namespace Assembly.Bench;

/// <summary>
/// What a process (the bot's or the peer's, any runtime) has used so far, read from Linux's /proc as the kernel
/// counts it: CPU time (utime + stime of /proc/PID/stat) and resident memory (VmRSS of /proc/PID/status).
/// </summary>
internal readonly record struct ProcessSample(TimeSpan Cpu, double ResidentMb, long Taken)
{
    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);

    private const int ScClkTck = 2;

    /// <summary>Clock ticks per second, the unit of utime and stime (100 on most kernels).</summary>
    private static readonly long TicksPerSecond = Math.Max(1, SysConf(ScClkTck));

    public static ProcessSample Take(int pid)
    {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the name: state is field 3, utime field 14 and stime field 15 (1-based in proc(5)).
        var ticks = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessSample(TimeSpan.FromSeconds((double)ticks / TicksPerSecond), kb / 1024, TimeProvider.System.GetTimestamp());
    }

    /// <summary>The CPU used between <paramref name="before"/> and this, as a percentage of one core over the time between them.</summary>
    public double CpuPercentSince(ProcessSample before) =>
        100 * (Cpu - before.Cpu).TotalSeconds / TimeProvider.System.GetElapsedTime(before.Taken, Taken).TotalSeconds;
}
