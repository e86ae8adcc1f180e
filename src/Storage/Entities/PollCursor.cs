namespace Assembly.Storage.Entities;

/// <summary>Where long polling resumes for one messenger: the next <c>offset</c> for getUpdates.</summary>
public sealed class PollCursor
{
    public required string Messenger { get; init; }
    public long NextOffset { get; set; }
    public DateTime UpdatedAt { get; set; }
}
