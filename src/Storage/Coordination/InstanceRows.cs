namespace Assembly.Storage.Coordination;

/// <summary>
/// An instance's row in <c>Instances</c> (<see cref="Entities.Instance"/>), written at start and at every heartbeat, and
/// removed at stop. Plain SQL, since the first write comes before the first poll (RawSql says why).
/// </summary>
public static class InstanceRows
{
    /// <summary>Says the instance is alive now: its row is made (started now) or, when it is there, its last sign updated.</summary>
    public static Task BeatAsync(BotDbContext db, string id, DateTime now, CancellationToken ct) =>
        RawSql.ExecuteAsync(db,
            "INSERT INTO \"Instances\" (\"Id\", \"StartedAt\", \"SeenAt\") VALUES ({0}, {1}, {1}) "
            + "ON CONFLICT (\"Id\") DO UPDATE SET \"SeenAt\" = excluded.\"SeenAt\"",
            [id, now], ct);

    public static Task RemoveAsync(BotDbContext db, string id, CancellationToken ct) =>
        RawSql.ExecuteAsync(db, "DELETE FROM \"Instances\" WHERE \"Id\" = {0}", [id], ct);
}
