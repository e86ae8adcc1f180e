namespace Assembly.Bench;

/// <summary>Percentiles within a run and summaries across runs.</summary>
internal static class Stats
{
    /// <summary>
    /// Nearest-rank percentile of values sorted ascending: the smallest value with at least p % of the
    /// values at or below it. No interpolation, so every figure reported is one that was really observed.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>
/// One figure of a scenario (say, replies per second), with its value from every counted run. The report
/// shows median, min and max across runs: the median resists one run disturbed by the machine.
/// </summary>
internal sealed record Measure(string Scenario, string Name, string Unit, List<double> Values)
{
    public double Median => Stats.Median(Values);
    public double Min => Values.Min();
    public double Max => Values.Max();
}
