using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Assembly.Storage;

/// <summary>
/// How many rows one statement of our own SQL carries (<see cref="RowInserter"/>, the outbox's claims and outcomes).
/// On PostgreSQL every statement is a round trip, so many rows go in one. SQLite has no round trip, and it finds a
/// named parameter by a linear search of the statement's names, both when it parses a statement and at every bind,
/// so a statement of many rows costs the square of its parameters; and a text that changes with the number of rows
/// is parsed afresh each time. There one row a statement is cheapest: one text, parsed once per connection
/// (<see cref="SqliteStatementCache"/>) and run again for each row. Measured with perf on the conversation
/// benchmark: at 32 rows a statement the name search alone was a tenth of the process's CPU.
/// </summary>
public static class RowsPerStatement
{
    public static int For(DbConnection connection, int onServer) => connection is SqliteConnection ? 1 : onServer;
}
