using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers a pooled <see cref="BotDbContext"/> factory for the configured provider.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<BotDbContext>(b => Configure(b, options));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton(new WriteGate(serialize: options.Provider == StorageOptions.Sqlite));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, StorageOptions options)
    {
        switch (options.Provider)
        {
            case StorageOptions.Sqlite:
                builder.UseSqlite(options.ConnectionString).AddInterceptors(new SqliteConnectionSetup());
                break;
            default:
                // The configuration check at start names the key before we ever get here.
                throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported yet.");
        }
    }

    /// <summary>The file a SQLite connection string points at, or null for an in-memory database.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file::memory:", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(source);
    }
}
