namespace Assembly.Storage.Coordination;

/// <summary>
/// The <c>Leases</c> table: named rights that one instance at a time holds until a time. What a lease is for, how
/// long it is taken and when it is renewed is the caller's; this is only how it is read and written.
/// </summary>
public interface ILeases
{
    /// <summary>
    /// In a write of its own, makes the lease's row if there is none and takes the lease for <paramref name="holder"/>
    /// until <paramref name="expiresAt"/> if it is free, expired at <paramref name="now"/> or already the holder's, or
    /// whoever holds it with <paramref name="evenIfHeld"/>. Says whether it was taken.
    /// </summary>
    Task<bool> TryTakeAsync(string name, string holder, DateTime now, DateTime expiresAt, bool evenIfHeld, CancellationToken ct);

    /// <summary>
    /// Inside the caller's transaction: extends the lease to <paramref name="expiresAt"/> only if
    /// <paramref name="holder"/> holds it and it has not expired at <paramref name="now"/>. On PostgreSQL the row
    /// stays locked until the caller commits. Says whether it was extended.
    /// </summary>
    Task<bool> ExtendWithinAsync(BotDbContext db, string name, string holder, DateTime now, DateTime expiresAt, CancellationToken ct);

    /// <summary>Lets the lease go if <paramref name="holder"/> holds it: it expires at <paramref name="now"/>.</summary>
    Task ReleaseAsync(string name, string holder, DateTime now, CancellationToken ct);
}
