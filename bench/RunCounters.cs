using System.Diagnostics;

namespace Assembly.Bench;

/// <summary>
/// What the process spent: CPU, garbage collection, lock contention. The bot and the fake share the
/// process (and the machine's 2 cores), so these are their sum; taken before and after a run, they tell
/// whether the pipeline was busy computing or mostly waiting (on fsync, locks, sleeps).
/// </summary>
internal readonly record struct RunCounters(
    TimeSpan Cpu, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long Allocated, long LockContentions, long WorkItems)
{
    public static RunCounters Take()
    {
        using var process = Process.GetCurrentProcess();
        return new RunCounters(process.TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), Monitor.LockContentionCount, ThreadPool.CompletedWorkItemCount);
    }

    /// <summary>One line on the spending between <paramref name="before"/> and this, over <paramref name="wall"/> for <paramref name="updates"/> updates.</summary>
    public string Describe(RunCounters before, TimeSpan wall, int updates)
    {
        return DescribeCpu("cpu", Cpu - before.Cpu, wall, updates) + ", "
            + $"gc {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} pausing {(GcPause - before.GcPause).TotalMilliseconds:0} ms, "
            + $"{(Allocated - before.Allocated) / (double)updates / 1024:0} KiB allocated/update, "
            + $"{LockContentions - before.LockContentions} lock contentions, {WorkItems - before.WorkItems} work items, "
            + $"{ThreadPool.ThreadCount} pool threads";
    }

    /// <summary>CPU time <paramref name="cpu"/> spent over <paramref name="wall"/>, as cores busy and per update.</summary>
    public static string DescribeCpu(string label, TimeSpan cpu, TimeSpan wall, int updates) =>
        $"{label} {cpu / wall:0.00} of {Environment.ProcessorCount} cores ({cpu.TotalMicroseconds / updates:0} µs/update)";
}
