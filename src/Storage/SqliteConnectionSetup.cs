using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Assembly.Storage;

/// <summary>
/// Per-connection SQLite settings, applied every time EF opens a connection.
/// <c>synchronous=FULL</c>: a commit is on disk before we confirm the update to the messenger, so a power
/// cut cannot lose what a member sent after the server forgot it. <c>busy_timeout</c>: writers queue up
/// instead of failing while another transaction holds the write lock.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
