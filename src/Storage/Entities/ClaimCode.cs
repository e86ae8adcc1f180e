namespace Assembly.Storage.Entities;

/// <summary>
/// A one-time code made on the server (the <c>claim-code</c> command) that makes whoever first sends it to the bot
/// in a private chat (<c>/claim CODE</c>) an admin: the way to the first admin without knowing an account id. Only the
/// code's hash is kept, so a copy of the database gives nobody a usable code.
/// </summary>
public sealed class ClaimCode
{
    /// <summary>Hex SHA-256 of the code in its canonical form (capitals, no separators).</summary>
    public const int HashLength = 64;

    public int Id { get; init; }
    public required string Hash { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? UsedAt { get; set; }

    /// <summary>The account it made an admin: <c>telegram:123</c>.</summary>
    public string? UsedBy { get; set; }
}

/// <summary>
/// One account's wrong claim codes, kept in the database so that the wait they earn holds on every instance and
/// across restarts. Removed when the account claims successfully.
/// </summary>
public sealed class ClaimAttempt
{
    /// <summary>Who tried: <c>telegram:123</c>.</summary>
    public required string Account { get; init; }
    public int WrongTries { get; set; }

    /// <summary>No code is looked at from this account before then.</summary>
    public DateTime? BlockedUntil { get; set; }
}
