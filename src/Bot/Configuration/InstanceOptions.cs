namespace Assembly.Bot.Configuration;

/// <summary>Several instances on one database (<c>Instances</c>).</summary>
public sealed class InstanceOptions
{
    /// <summary>How long the scheduler's lease and an instance's heartbeat stay good without renewal (<c>Instances:LeaseSeconds</c>).</summary>
    public int LeaseSeconds { get; set; } = 30;

    public TimeSpan LeaseTime => TimeSpan.FromSeconds(LeaseSeconds);
}
