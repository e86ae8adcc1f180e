using System.Net.Sockets;
using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Assembly.Bot.Tests.Units;

/// <summary>Which database errors are retried: over real exceptions, made by the databases themselves where they can be.</summary>
public sealed class TransientErrorsTests
{
    [Fact]
    public void A_real_sqlite_busy_from_a_write_lock_held_elsewhere_is_transient()
    {
        using var database = TestDatabase.OnSqlite();
        using var holder = new SqliteConnection(database.ConnectionString);
        holder.Open();
        Run(holder, "PRAGMA journal_mode=WAL; CREATE TABLE t (v INTEGER); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);");
        // No patience at all: the busy error comes at once instead of after the default 30 seconds.
        using var writer = new SqliteConnection(database.ConnectionString + ";Default Timeout=1");
        writer.Open();

        var busy = Assert.Throws<SqliteException>(() => Run(writer, "BEGIN IMMEDIATE;"));

        Assert.Equal(5, busy.SqliteErrorCode);
        Assert.True(TransientErrors.IsTransient(busy));
        Run(holder, "COMMIT;");
    }

    [Theory]
    [InlineData(5, 5)] // SQLITE_BUSY
    [InlineData(6, 6)] // SQLITE_LOCKED
    [InlineData(5, 517)] // SQLITE_BUSY_SNAPSHOT: a read transaction that wants to write after another wrote
    [InlineData(6, 262)] // SQLITE_LOCKED_SHAREDCACHE
    public void Sqlite_busy_and_locked_are_transient(int code, int extended) =>
        Assert.True(TransientErrors.IsTransient(new SqliteException("database is locked", code, extended)));

    [Theory]
    [InlineData(19, 2067)] // a unique constraint: the update itself is wrong, trying again changes nothing
    [InlineData(11, 11)] // SQLITE_CORRUPT
    [InlineData(13, 13)] // SQLITE_FULL
    public void Other_sqlite_errors_are_not(int code, int extended) =>
        Assert.False(TransientErrors.IsTransient(new SqliteException("no", code, extended)));

    [Theory]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.AdminShutdown)] // the primary going down in a failover ends its sessions so
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)] // a server still starting up as the new primary
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    [InlineData(PostgresErrorCodes.LockNotAvailable)]
    public void PostgreSQL_errors_of_a_bad_moment_are_transient(string sqlState) =>
        Assert.True(TransientErrors.IsTransient(new PostgresException("moment", "ERROR", "ERROR", sqlState)));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    [InlineData(PostgresErrorCodes.ReadOnlySqlTransaction)]
    public void PostgreSQL_errors_of_the_work_itself_are_not(string sqlState) =>
        Assert.False(TransientErrors.IsTransient(new PostgresException("work", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void A_dropped_connection_is_transient_and_a_plain_bug_is_not()
    {
        Assert.True(TransientErrors.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("reset", new SocketException(104)))));
        Assert.True(TransientErrors.IsTransient(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
        Assert.False(TransientErrors.IsTransient(new InvalidOperationException("a bug")));
        Assert.False(TransientErrors.IsTransient(new NullReferenceException()));
    }

    [Fact]
    public void The_error_is_found_inside_what_EF_wraps_it_in()
    {
        var busy = new SqliteException("database is locked", 5, 5);
        Assert.True(TransientErrors.IsTransient(new DbUpdateException("An error occurred while saving the entity changes.", busy)));
        Assert.True(TransientErrors.IsTransient(new InvalidOperationException("outer", new DbUpdateException("inner", busy))));
        Assert.True(TransientErrors.IsTransient(new AggregateException(new InvalidOperationException("a bug"), busy)));
        Assert.False(TransientErrors.IsTransient(new DbUpdateException("inner", new SqliteException("UNIQUE constraint failed", 19, 2067))));
    }

    [PostgresFact]
    public async Task A_real_serialization_failure_and_a_real_deadlock_on_PostgreSQL_are_transient()
    {
        using var database = new TestDatabase();
        await using var first = new NpgsqlConnection(database.ConnectionString);
        await using var second = new NpgsqlConnection(database.ConnectionString);
        await first.OpenAsync();
        await second.OpenAsync();
        await ExecuteAsync(first, "CREATE TABLE skew (v int); CREATE TABLE pair (id int PRIMARY KEY); INSERT INTO pair VALUES (1), (2);");

        // Write skew: each serializable transaction reads what the other writes; the second to commit fails.
        await ExecuteAsync(first, "BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT count(*) FROM skew; INSERT INTO skew VALUES (1);");
        await ExecuteAsync(second, "BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT count(*) FROM skew; INSERT INTO skew VALUES (2);");
        await ExecuteAsync(first, "COMMIT;");
        var serialization = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(second, "COMMIT;"));
        Assert.Equal(PostgresErrorCodes.SerializationFailure, serialization.SqlState);
        Assert.True(TransientErrors.IsTransient(serialization));

        // Two transactions each holding the row the other wants.
        await ExecuteAsync(first, "BEGIN; UPDATE pair SET id = id WHERE id = 1;");
        await ExecuteAsync(second, "BEGIN; UPDATE pair SET id = id WHERE id = 2;");
        var one = ExecuteAsync(first, "UPDATE pair SET id = id WHERE id = 2;");
        var other = ExecuteAsync(second, "UPDATE pair SET id = id WHERE id = 1;");
        // PostgreSQL releases the victim's locks as it aborts it, so the other update may finish first: the failed
        // one is whichever faulted, not whichever finished first.
        var done = await Task.WhenAny(one, other);
        var failed = done.IsFaulted ? done : done == one ? other : one;
        var deadlock = await Assert.ThrowsAsync<PostgresException>(() => failed);
        Assert.Equal(PostgresErrorCodes.DeadlockDetected, deadlock.SqlState);
        Assert.True(TransientErrors.IsTransient(deadlock));
        // The victim's transaction stays open (aborted) until it is rolled back; the other's update goes through.
        var (loser, winner, winning) = failed == one ? (first, second, other) : (second, first, one);
        await ExecuteAsync(loser, "ROLLBACK;");
        await winning;
        await ExecuteAsync(winner, "ROLLBACK;");
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
