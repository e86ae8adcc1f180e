using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage;

/// <summary>Brings the database to the current schema at start: creates the data folder, applies migrations, turns on WAL.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<BotDbContext> factory, StorageOptions options)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (options.Provider == StorageOptions.Sqlite && StorageServiceCollectionExtensions.SqliteFile(options.ConnectionString) is { } file)
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        await using var db = await factory.CreateDbContextAsync(ct);
        bool behind;
        try
        {
            behind = await IsBehindAsync(db, ct);
        }
        catch (DbException) when (options.Provider == StorageOptions.Postgres)
        {
            // The database itself may not be there yet: Migrate creates it (and says plainly what else is wrong).
            behind = true;
        }

        if (behind)
            await db.Database.MigrateAsync(ct);
        if (options.Provider == StorageOptions.Sqlite)
            // WAL lets readers go on while one writer commits; the setting is kept in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Whether a migration of this build is not yet applied. Asked first because on the everyday restart nothing is
    /// pending, and EF's own question (GetPendingMigrationsAsync) builds a model of the history table by conventions
    /// first, a large share of the start (docs/benchmarks.md, Idle, fifth round); the ids are read here with one plain query.
    /// </summary>
    private async Task<bool> IsBehindAsync(BotDbContext db, CancellationToken ct)
    {
        // The table and column names EF's history repository uses on both providers (none is configured otherwise).
        var historyExists = options.Provider == StorageOptions.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"
            : "SELECT COUNT(*) FROM (SELECT to_regclass('\"__EFMigrationsHistory\"') AS t) h WHERE h.t IS NOT NULL";
        if ((await RawSql.QueryAsync(db, historyExists, [], r => r.GetInt64(0), ct))[0] == 0) return true;

        var applied = (await RawSql.QueryAsync(db, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", [], r => r.GetString(0), ct))
            .ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Any(m => !applied.Contains(m));
    }
}
