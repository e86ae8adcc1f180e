namespace Assembly.Bot.Configuration;

/// <summary>The scheduler (<c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    /// <summary>How often the scheduler looks for what is due (<c>Scheduler:IntervalSeconds</c>).</summary>
    public int IntervalSeconds { get; set; } = 30;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
}
