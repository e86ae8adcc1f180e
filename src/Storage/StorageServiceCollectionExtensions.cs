using Assembly.Storage.CompiledModels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assembly.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="BotDbContext"/> factory for the configured provider. On PostgreSQL the pool
    /// holds <see cref="PostgresBotDbContext"/> (for its own migrations) and is handed out as a BotDbContext factory.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        if (options.Provider == StorageOptions.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresBotDbContext>(b => Configure(b, options));
            services.AddSingleton<IDbContextFactory<BotDbContext>>(sp =>
                new PostgresFactory(sp.GetRequiredService<IDbContextFactory<PostgresBotDbContext>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<BotDbContext>(b => Configure(b, options));
        }
        services.AddSingleton<DatabaseInitializer>();
        // SQLite has one write lock, queued for in process; PostgreSQL lets transactions overlap.
        services.AddSingleton(new WriteGate(serialize: options.Provider == StorageOptions.Sqlite));
        return services;
    }

    /// <summary>
    /// Points a context at the configured database. SQLite gets the compiled model (src/Storage/CompiledModels,
    /// SQLite's: chosen here rather than by an assembly attribute, so no PostgreSQL context can ever pick it up)
    /// and its per-connection PRAGMAs; PostgreSQL builds its model from the configurations.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder builder, StorageOptions options, bool compiledModel = true)
    {
        switch (options.Provider)
        {
            case StorageOptions.Sqlite:
                builder.UseSqlite(options.ConnectionString).AddInterceptors(new SqliteConnectionSetup());
                if (compiledModel) builder.UseModel(BotDbContextModel.Instance);
                break;
            case StorageOptions.Postgres:
                builder.UseNpgsql(options.ConnectionString);
                break;
            default:
                // The configuration check at start names the key before we ever get here.
                throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported.");
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

    /// <summary>Why a PostgreSQL connection string cannot be used (it names no host, or does not parse), or null.</summary>
    public static string? PostgresProblem(string connectionString)
    {
        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
                ? "it names no Host"
                : null;
        }
        catch (ArgumentException)
        {
            return "it is not a PostgreSQL connection string";
        }
    }

    private sealed class PostgresFactory(IDbContextFactory<PostgresBotDbContext> inner) : IDbContextFactory<BotDbContext>
    {
        public BotDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<BotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
