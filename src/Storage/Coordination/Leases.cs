using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage.Coordination;

/// <summary>The leases on either provider (<see cref="ILeases"/>): plain SQL that SQLite and PostgreSQL both read.</summary>
public sealed class Leases(WriteGate gate) : ILeases
{
    public async Task<bool> TryTakeAsync(string name, string holder, DateTime now, DateTime expiresAt, bool evenIfHeld, CancellationToken ct)
    {
        await using var write = await gate.EnterAsync(ct);
        var db = write.Db;
        // The row is made once, by whoever comes first.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Leases\" (\"Name\", \"Holder\", \"ExpiresAt\") VALUES ({0}, '', {1}) ON CONFLICT DO NOTHING",
            [name, DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc)], ct);
        // Taken at start, before the first poll, so in plain SQL (RawSql says why).
        var taken = await RawSql.ExecuteAsync(db,
            "UPDATE \"Leases\" SET \"Holder\" = {0}, \"ExpiresAt\" = {1} WHERE \"Name\" = {2}"
            + (evenIfHeld ? "" : " AND (\"Holder\" = {0} OR \"ExpiresAt\" < {3})"),
            [holder, expiresAt, name, now], ct);
        return taken == 1;
    }

    public async Task<bool> ExtendWithinAsync(BotDbContext db, string name, string holder, DateTime now, DateTime expiresAt, CancellationToken ct) =>
        await db.Leases
            .Where(l => l.Name == name && l.Holder == holder && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expiresAt), ct) == 1;

    public async Task ReleaseAsync(string name, string holder, DateTime now, CancellationToken ct)
    {
        await using var write = await gate.EnterAsync(ct);
        await write.Db.Leases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), ct);
    }
}
