using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Assembly.Bench;

/// <summary>The result as a Markdown table, with what is needed to compare it: the machine and the command.</summary>
internal static class Report
{
    public static void Print(BenchOptions options, IReadOnlyList<Measure> measures)
    {
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores{CpuModel()}, {RuntimeInformation.OSDescription}, "
            + $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Configuration}");
        Console.WriteLine($"Command: `{options.Command}`");
        if (options.Settings.Count > 0)
            Console.WriteLine("Settings changed: " + string.Join(", ", options.Settings.Select(s => $"{s.Key}={s.Value}")));
        Console.WriteLine();
        Console.WriteLine("| scenario | measure | runs | median | min | max |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var m in measures)
            Console.WriteLine($"| {m.Scenario} | {m.Name} ({m.Unit}) | {m.Values.Count} | {Format(m.Median, m.Unit)} | {Format(m.Min, m.Unit)} | {Format(m.Max, m.Unit)} |");
    }

    // Update rates and counts are whole; latencies and seconds keep a tenth; paced message rates, compared with
    // a limit of 30/s and a target of 28.5/s, keep a hundredth.
    private static string Format(double value, string unit) =>
        value.ToString(unit switch { "ms" or "s" => "0.0", "messages/s" or "×" or "% of a core" => "0.00", _ => "0" }, CultureInfo.InvariantCulture);

    private const string Configuration =
#if DEBUG
        "Debug build";
#else
        "Release build";
#endif

    /// <summary>The processor's name where Linux tells it; the figures mean little without it.</summary>
    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "" : " (" + line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() + ")";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
