using System.Runtime.CompilerServices;
using Assembly.Storage.CompiledModels;
using Assembly.Storage.CompiledModels.Postgres;
using Assembly.Storage.Coordination;
using Assembly.Storage.Outbox;
using Assembly.Storage.Receiving;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assembly.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="BotDbContext"/> factory for the configured provider. On PostgreSQL the pool
    /// holds <see cref="PostgresBotDbContext"/> (for its own migrations) and is handed out as a BotDbContext factory.
    /// Also the components that own their tables' SQL: the outbox, the leases and the poll cursors.
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
        services.AddSingleton<WriteGate>();
        services.AddSingleton<IOutbox, OutboxStore>();
        services.AddSingleton<ILeases, Leases>();
        services.AddSingleton<IPollCursors, PollCursors>();
        return services;
    }

    /// <summary>
    /// Points a context at the configured database, with that provider's compiled model (made by
    /// <c>dotnet ef dbcontext optimize</c>: SQLite's in CompiledModels, PostgreSQL's in CompiledModels/Postgres).
    /// Each is chosen here rather than by the assembly attribute `optimize` writes, so a context can never get
    /// another provider's model. SQLite also gets its per-connection PRAGMAs. <paramref name="compiledModel"/>
    /// false builds the model from the configurations (for <c>dotnet ef</c> itself). <paramref name="connection"/>: an
    /// open SQLite connection to use instead of the connection string (<see cref="WriteGate"/>'s).
    /// </summary>
    public static void Configure(DbContextOptionsBuilder builder, StorageOptions options, bool compiledModel = true, SqliteConnection? connection = null)
    {
        switch (options.Provider)
        {
            case StorageOptions.Sqlite:
                ConfigureSqlite(builder, options, compiledModel, connection);
                break;
            case StorageOptions.Postgres:
                ConfigurePostgres(builder, options, compiledModel);
                break;
            default:
                // The configuration check at start names the key before we ever get here.
                throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported.");
        }

        // Migrate compares the model with the last migration's snapshot before it applies anything, and for that builds
        // the model from the configurations: about half a second of the first start on a new database. The comparison
        // is a test instead (CompiledModelTests: no model change lacks its migration, for either provider).
        if (compiledModel) builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    // Each provider in a method of its own, never inlined: compiling one provider's branch loads that provider's
    // assemblies and compiled model, which a bot on the other provider would carry in memory for nothing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConfigureSqlite(DbContextOptionsBuilder builder, StorageOptions options, bool compiledModel, SqliteConnection? connection)
    {
        (connection is null ? builder.UseSqlite(options.ConnectionString) : builder.UseSqlite(connection))
            .AddInterceptors(new SqliteConnectionSetup(), new SqliteStatementCache());
        if (compiledModel) builder.UseModel(BotDbContextModel.Instance);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConfigurePostgres(DbContextOptionsBuilder builder, StorageOptions options, bool compiledModel)
    {
        builder.UseNpgsql(options.ConnectionString);
        if (compiledModel) builder.UseModel(PostgresBotDbContextModel.Instance);
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
