using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Assembly.Storage;

/// <summary>
/// Plain SQL on the context's connection, in its transaction when it has one, read row by row. For what EF cannot say
/// (FOR UPDATE, an UPDATE's RETURNING read into an unmapped shape), and for the few statements of the start and of the
/// idle bot's turns, which would otherwise be the process's first LINQ queries and compile EF's query pipeline before
/// the bot can poll (docs/benchmarks.md, Idle, fifth round). <c>{n}</c> in the text stands for the n-th value, which travels as a
/// parameter; nothing else is put into the text. The coordination's and the start's statements are one text for both
/// providers (quoted names, ON CONFLICT); the outbox's are per provider (<see cref="Outbox.OutboxStatements"/>).
/// </summary>
internal static class RawSql
{
    public static async Task<List<T>> QueryAsync<T>(BotDbContext db, string sql, IReadOnlyList<object> values, Func<DbDataReader, T> read,
        CancellationToken ct = default)
    {
        // Also run outside a transaction, where the connection may be closed; opened through EF, EF closes it again
        // (and leaves open one a transaction holds).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, sql, values);
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <returns>How many rows the statement changed.</returns>
    public static async Task<int> ExecuteAsync(BotDbContext db, string sql, IReadOnlyList<object> values, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, sql, values);
            return await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static DbCommand Command(BotDbContext db, string sql, IReadOnlyList<object> values)
    {
        // On SQLite a command whose prepared statement is kept: the same texts come back at every look.
        var command = SqliteStatementCache.CommandFor(db.Database.GetDbConnection());
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // The text first: on SQLite it picks the prepared statement the parameters then bind to.
        for (var i = 0; i < values.Count; i++) sql = sql.Replace($"{{{i}}}", Name(i), StringComparison.Ordinal);
        command.CommandText = sql;
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = Name(i);
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string Name(int i) => "@p" + i.ToString(CultureInfo.InvariantCulture);
}
