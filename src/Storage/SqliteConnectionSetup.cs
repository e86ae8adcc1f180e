using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Assembly.Storage;

/// <summary>
/// Per-connection SQLite settings, applied every time EF opens a connection.
/// <c>synchronous=FULL</c>: a commit is on disk before we confirm the update to the messenger, so a power
/// cut cannot lose what a member sent after the server forgot it. <c>busy_timeout</c>: writers queue up
/// instead of failing while another transaction holds the write lock, for as long as the connection string's
/// <c>Default Timeout</c> (30 s unless set), the same patience Microsoft.Data.Sqlite gives a command; past it the
/// error is transient (<see cref="TransientErrors"/>) and the work is retried. <c>temp_store=MEMORY</c>: the statement
/// journal SQLite keeps while a statement that may fail half-way runs inside a transaction (an UPDATE of several
/// rows) is written to memory rather than a temporary file, which nothing needs to survive a crash.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private static string Pragmas(DbConnection connection) =>
        $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMilliseconds(connection)}; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";

    private static int BusyTimeoutMilliseconds(DbConnection connection) =>
        connection is SqliteConnection sqlite ? checked(sqlite.DefaultTimeout * 1000) : 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);

    /// <summary>For a connection opened outside EF and handed to it open.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
