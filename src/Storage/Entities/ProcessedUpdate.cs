namespace Assembly.Storage.Entities;

/// <summary>
/// The marker that an update was handled: written in the same transaction as everything the update
/// changed, so an update seen again (a redelivery by Bale, a replay after a crash) is skipped.
/// </summary>
public sealed class ProcessedUpdate
{
    public required string Messenger { get; init; }
    public required long UpdateId { get; init; }
    public required DateTime ProcessedAt { get; init; }

    /// <summary>True when the update failed even alone and was given up on (the member got an apology).</summary>
    public bool Failed { get; init; }
}
