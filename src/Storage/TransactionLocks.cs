using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage;

/// <summary>
/// Named locks held until the caller's transaction ends, for work that two instances (or two lanes) on one
/// PostgreSQL database must not do at the same time: one chat's updates, the next tracking code of a prefix.
/// PostgreSQL's transaction-level advisory locks, keyed by a 64-bit hash of the name (<c>hashtextextended</c>;
/// two names sharing a hash would only wait for each other, never break anything). On SQLite nothing is taken:
/// there is one writer at a time anyway (<see cref="WriteGate"/>, and SQLite's own write lock).
/// </summary>
public static class TransactionLocks
{
    // The provider's name, not IsNpgsql(): that extension loads the PostgreSQL provider's assembly on SQLite too and
    // reads an assembly name at every call, and this is asked for every batch of updates.
    internal const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static Task TakeAsync(BotDbContext db, string name, CancellationToken ct) => TakeAsync(db, [name], ct);

    /// <summary>
    /// Takes every lock, waiting for each as long as another transaction holds it. All callers take theirs in one
    /// order (by key), so two transactions wanting overlapping sets cannot deadlock on them. Must be called inside
    /// a transaction: outside one the locks would be released at once.
    /// </summary>
    public static async Task TakeAsync(BotDbContext db, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        if (names.Count == 0 || db.Database.ProviderName != NpgsqlProvider) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Transaction locks are taken inside a transaction.");
        // One round trip for all of them. The ordered subquery feeds the aggregate in key order, which is the order
        // the locks are taken in. A lock already held by this transaction is taken again at no cost.
        await db.Database.ExecuteSqlRawAsync(
            "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtextextended(n, 0) AS k FROM unnest({0}) AS n ORDER BY k) AS keys",
            [names.Distinct().ToArray()], ct);
    }
}
