using Assembly.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Assembly.Bot.Tests.Support;

/// <summary>
/// The test's own database, deleted afterwards; two hosts opened on it share it, as after a restart.
/// A real SQLite file in a temporary folder, unless the environment variable <c>BOT_TEST_POSTGRES</c> holds a
/// connection string to a PostgreSQL server where the test may create databases: then a fresh database
/// <c>bot_test_&lt;guid&gt;</c> on it, dropped afterwards, so the same tests run on whichever is configured.
/// Tests of SQLite itself (the file, the backup command) ask for <see cref="OnSqlite"/>. The temporary folder
/// exists either way.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "BOT_TEST_POSTGRES";

    private static readonly string? PostgresServer =
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assembly-bot-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;

    public TestDatabase() : this(PostgresServer is null ? StorageOptions.Sqlite : StorageOptions.Postgres) { }

    private TestDatabase(string provider)
    {
        Directory.CreateDirectory(_folder);
        Provider = provider;
        if (provider == StorageOptions.Postgres)
        {
            _postgresDatabase = "bot_test_" + Guid.NewGuid().ToString("N");
            OnServer($"CREATE DATABASE \"{_postgresDatabase}\"");
        }
    }

    /// <summary>Whether a plain <c>new TestDatabase()</c> is on PostgreSQL (BOT_TEST_POSTGRES is set).</summary>
    public static bool PostgresConfigured => PostgresServer is not null;

    /// <summary>A SQLite file whatever the environment says, for tests of SQLite's own features.</summary>
    public static TestDatabase OnSqlite() => new(StorageOptions.Sqlite);

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as <c>Storage:Provider</c> takes it.</summary>
    public string Provider { get; }

    public string File => Path.Combine(_folder, "bot.db");

    public string ConnectionString => _postgresDatabase is null
        ? $"Data Source={File}"
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresDatabase }.ConnectionString;

    /// <summary>The settings that point the bot at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = Provider,
        ["ConnectionStrings:Bot"] = ConnectionString,
    };

    /// <summary>Opens the database directly, for looking at what a host left behind after it stopped.</summary>
    public BotDbContext Open()
    {
        if (_postgresDatabase is null)
            return new BotDbContext(new DbContextOptionsBuilder<BotDbContext>().UseSqlite(ConnectionString).Options);
        var builder = new DbContextOptionsBuilder<PostgresBotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = Provider, ConnectionString = ConnectionString });
        return new PostgresBotDbContext(builder.Options);
    }

    public void Dispose()
    {
        if (_postgresDatabase is not null)
        {
            using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
            DropDatabase();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pool in another test: the temp folder is cleaned by the OS later.
        }
    }

    /// <summary>
    /// Drops the test's database. PostgreSQL 15 refuses FORCE to a role without pg_signal_backend while an
    /// autovacuum worker is in the database (42501); such a worker finishes in moments, so a few tries follow.
    /// CI grants the role pg_signal_backend; this is for servers set up without it.
    /// </summary>
    private void DropDatabase()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                OnServer($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // Dispose is synchronous (every test's `using var`), so the pause blocks on the delay.
                Task.Delay(TimeSpan.FromMilliseconds(250)).Wait();
            }
        }
    }

    private static void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
