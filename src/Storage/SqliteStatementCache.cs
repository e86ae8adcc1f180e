using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Assembly.Storage;

/// <summary>
/// Keeps SQLite's prepared statements from one execution to the next while a connection stays open.
/// EF Core makes a new <see cref="DbCommand"/> for every statement it runs, and Microsoft.Data.Sqlite keeps a
/// prepared statement only as long as its command object, so without this every execution would parse and plan its
/// SQL again (<c>sqlite3_prepare</c>), eight or so statements an update. This interceptor hands EF a
/// <see cref="ReusedCommand"/> instead, which runs on a <see cref="SqliteCommand"/> kept per connection and per SQL
/// text, saving a large share of the process's CPU time per update (measured in docs/benchmarks.md).
///
/// Prepared statements belong to the native connection, so the cache lives only while its connection is open:
/// closing (which hands the native connection back to the pool) finalizes every statement of the connection's
/// commands, and the cache is emptied with it. A group-commit transaction of the pipeline keeps one connection
/// open across its updates, which is where the statements are reused.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<SqliteConnection, Statements> ByConnection = new();

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(CommandFor(connection))
            : result;

    /// <summary>A command for SQL the caller writes itself (<see cref="RowInserter"/>): on SQLite one whose statement is kept.</summary>
    public static DbCommand CommandFor(DbConnection connection) =>
        connection is SqliteConnection sqlite
            ? new ReusedCommand(ByConnection.GetValue(sqlite, c => new Statements(c)))
            : connection.CreateCommand();

    /// <summary>The idle commands of one connection, by SQL text, while it is open. Used by one thread at a time, as the connection is.</summary>
    internal sealed class Statements
    {
        /// <summary>Distinct statements kept per connection; the least recently used goes first beyond that.</summary>
        private const int Kept = 64;

        private readonly Dictionary<string, (SqliteCommand Command, long LastUse)> _idle = new(StringComparer.Ordinal);
        private long _uses;

        public Statements(SqliteConnection connection)
        {
            Connection = connection;
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState == ConnectionState.Open) return;
                // Microsoft.Data.Sqlite has just finalized the statements of every command of this connection.
                _idle.Clear();
                Generation++;
            };
        }

        public SqliteConnection Connection { get; }

        /// <summary>Changes at every close: a command taken before it is not put back.</summary>
        public int Generation { get; private set; }

        public int Count => _idle.Count;

        public SqliteCommand Take(string text) =>
            _idle.Remove(text, out var idle) ? idle.Command : new SqliteCommand(text, Connection);

        /// <summary>Keeps a command for its next execution (cleared of its parameters and transaction), or lets it go.</summary>
        public void Put(SqliteCommand command, int generation)
        {
            command.Parameters.Clear();
            command.Transaction = null;
            command.CommandTimeout = Connection.DefaultTimeout;
            if (generation != Generation || Connection.State != ConnectionState.Open || _idle.ContainsKey(command.CommandText))
            {
                command.Dispose();
                return;
            }

            if (_idle.Count >= Kept)
            {
                var oldest = _idle.MinBy(e => e.Value.LastUse);
                _idle.Remove(oldest.Key);
                oldest.Value.Command.Dispose();
            }

            _idle[command.CommandText] = (command, ++_uses);
        }
    }
}
