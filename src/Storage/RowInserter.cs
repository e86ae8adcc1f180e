using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Assembly.Storage;

/// <summary>
/// Inserts new rows of one entity with multi-row INSERT statements, in the caller's transaction, for rows that
/// nothing reads back in the same unit of work and whose generated keys nobody needs: a lane's outbox rows and
/// processed markers. SaveChanges orders, tracks and batches every entity one by one; for the couple of hundred
/// rows a lane writes at its end, that sorting and hashing was about a seventh of the time the write lock was held
/// (dotnet-trace, conversation benchmark). The columns and their conversions come from the model, so a column added
/// to an entity is written without a change here.
/// </summary>
public static class RowInserter
{
    public static async Task InsertAsync<T>(BotDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not in the model.", nameof(rows));
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Store-generated columns (an identity key) are left to the database.
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never).ToList();
        var header = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) VALUES ";

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Outside a transaction the connection may be closed; opened through EF, EF closes it again.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await InsertAsync(connection, transaction, header, columns, rows, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction? transaction, string header, List<IProperty> columns, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var perStatement = RowsPerStatement.For(connection, onServer: 32);
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                // Statements of the same size share one command: the same text, its parameters made anew for each.
                if (command is null || command.Parameters.Count != count * columns.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = SqliteStatementCache.CommandFor(connection);
                    command.CommandText = Sql(header, columns.Count, count);
                    command.Transaction = transaction;
                }
                else
                {
                    command.Parameters.Clear();
                }

                for (var r = 0; r < count; r++)
                for (var c = 0; c < columns.Count; c++)
                    command.Parameters.Add(Parameter(command, Name(r * columns.Count + c), columns[c], rows[start + r]));
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    private static string Sql(string header, int columns, int rows)
    {
        var sql = new StringBuilder(header);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
                sql.Append(c == 0 ? "" : ", ").Append(Name(r * columns + c));
            sql.Append(')');
        }

        return sql.ToString();
    }

    private static string Name(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    private static DbParameter Parameter(DbCommand command, string name, IProperty property, object row)
    {
        // The type mapping makes the parameter as SaveChanges would: its value converter (enums, UTC times), provider
        // type, size and DbType, and DBNull for null.
        return property.GetRelationalTypeMapping().CreateParameter(command, name, property.GetGetter().GetClrValue(row), property.IsNullable);
    }
}
