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
        // Migrate also compares the model with the last migration's snapshot, which takes most of a second of
        // the start; on the everyday restart nothing is pending, so it is asked first (a read of the history).
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);
        if (options.Provider == StorageOptions.Sqlite)
            // WAL lets readers go on while one writer commits; the setting is kept in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
