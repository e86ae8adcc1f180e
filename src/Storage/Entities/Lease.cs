namespace Assembly.Storage.Entities;

/// <summary>
/// A named right to do something that only one instance may do at a time (the scheduler, bulk sending,
/// housekeeping). Held by <see cref="Holder"/> until <see cref="ExpiresAt"/>; the holder renews it well before
/// then, and anybody may take it once it has expired.
/// </summary>
public sealed class Lease
{
    public required string Name { get; init; }

    /// <summary>The holder's instance id, or empty for nobody.</summary>
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
