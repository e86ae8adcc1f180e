using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Assembly.Storage;

/// <summary>Brings the database to the current schema at start: creates the data folder, applies migrations, turns on WAL.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<BotDbContext> factory, StorageOptions options)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (options.Provider == StorageOptions.Sqlite && StorageServiceCollectionExtensions.SqliteFile(options.ConnectionString) is { } file)
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await IsBehindAsync(db, ct))
            await db.Database.MigrateAsync(ct);
        if (options.Provider == StorageOptions.Sqlite)
            // WAL lets readers go on while one writer commits; the setting is kept in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Whether a migration of this build is not yet applied. Asked first because on the everyday restart nothing is
    /// pending, and EF's own question (GetPendingMigrationsAsync) builds a model of the history table by conventions
    /// first, which is most of a second of the start (docs/benchmarks.md, Start); the ids are read here with one plain query.
    /// </summary>
    private static async Task<bool> IsBehindAsync(BotDbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return true;

        // The table and column names EF's history repository uses on both providers (none is configured otherwise).
        var applied = (await RawSql.QueryAsync(db, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", [], r => r.GetString(0), ct))
            .ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Any(m => !applied.Contains(m));
    }
}
