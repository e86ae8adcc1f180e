using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Assembly.Storage;

/// <summary>
/// Whether a failed transaction is worth running again as it was: the database had a bad moment, nothing was wrong
/// with the work. Looked for anywhere in the exception's chain, since EF wraps the provider's exception
/// (<c>DbUpdateException</c>, <c>InvalidOperationException</c>).
///
/// PostgreSQL: Npgsql's own <see cref="DbException.IsTransient"/>, which covers a serialization failure (40001), a
/// deadlock (40P01), a server shutting down or starting up as in a failover (57P01, 57P02, 57P03), the connection
/// errors (08…), a dropped connection and a timeout. SQLite: Microsoft.Data.Sqlite never says an error is transient,
/// so busy (5) and locked (6) are named here: another connection held the write lock longer than the busy timeout.
/// EF Core's execution strategies would classify the same way for PostgreSQL, but they have none for SQLite and they
/// wait with <c>Task.Delay</c>, out of reach of the injected clock.
/// </summary>
public static class TransientErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // An extended code (busy snapshot, locked shared cache) keeps the primary one in its low byte.
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked:
                    return true;
                case DbException { IsTransient: true }:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsTransient);
            }
        }

        return false;
    }
}
