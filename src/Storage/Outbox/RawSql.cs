using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Assembly.Storage.Outbox;

/// <summary>
/// Plain SQL in the context's transaction, read row by row. EF cannot say FOR UPDATE nor read an UPDATE's RETURNING
/// into an unmapped shape, so this goes to the connection itself. <c>{n}</c> in the text stands for the n-th value,
/// which travels as a parameter; nothing else is put into the text.
/// </summary>
internal static class RawSql
{
    public static async Task<List<T>> QueryAsync<T>(BotDbContext db, string sql, IReadOnlyList<object> values, Func<DbDataReader, T> read)
    {
        await using var command = Command(db, sql, values);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public static async Task ExecuteAsync(BotDbContext db, string sql, IReadOnlyList<object> values)
    {
        // Also run outside a transaction (the last outcomes, on the way out), where the connection may be closed;
        // opened through EF, EF closes it again.
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = Command(db, sql, values);
            await command.ExecuteNonQueryAsync();
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
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
            sql = sql.Replace($"{{{i}}}", parameter.ParameterName, StringComparison.Ordinal);
        }

        command.CommandText = sql;
        return command;
    }
}
