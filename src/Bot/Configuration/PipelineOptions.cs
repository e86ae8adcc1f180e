namespace Assembly.Bot.Configuration;

/// <summary>How updates are handled (<c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>Lanes handled in parallel; one chat's updates always share a lane (<c>Pipeline:Lanes</c>, 1 to 64).</summary>
    public int Lanes { get; set; }
}
