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
    /// <summary>
    /// Rows per statement. Few, because SQLite finds each named parameter by a linear search of the statement's
    /// names, so binding costs the square of the parameters: 200 rows (2,400 parameters) a statement made the
    /// conversation benchmark slower than SaveChanges. At 32 every full statement has the same text, whose prepared
    /// statement the SQLite statement cache keeps.
    /// </summary>
    private const int RowsPerStatement = 32;

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
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(header);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@p" + (r * columns.Count + c).ToString(CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(Parameter(command, name, columns[c], rows[start + r]));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, IProperty property, object row)
    {
        // The type mapping makes the parameter as SaveChanges would: its value converter (enums, UTC times), provider
        // type, size and DbType, and DBNull for null.
        return property.GetRelationalTypeMapping().CreateParameter(command, name, property.GetGetter().GetClrValue(row), property.IsNullable);
    }
}
