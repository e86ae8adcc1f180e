using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Assembly.Storage;

/// <summary>
/// The command EF Core is handed on SQLite (see <see cref="SqliteStatementCache"/>): it runs on the idle
/// <see cref="SqliteCommand"/> of its SQL text, whose statements are already prepared, and gives it back when
/// EF disposes it. EF sets the text first, then the transaction and the parameters; the parameters go straight
/// into the underlying command, which binds them by name at every execution as usual.
/// A command whose execution failed, or disposed with its reader still open, is not given back.
/// </summary>
internal sealed class ReusedCommand(SqliteStatementCache.Statements statements) : DbCommand
{
    private SqliteCommand? _inner;
    private int _generation;
    private string _text = "";
    private DbTransaction? _transaction;
    private SqliteDataReader? _reader;
    private bool _failed;
    private bool _disposed;

    [AllowNull]
    public override string CommandText
    {
        get => _text;
        set
        {
            value ??= "";
            if (value == _text && _inner is not null) return;
            var previous = _inner;
            _text = value;
            _inner = null;
            if (previous is null) return;
            // Text changed after parameters were added (EF does not do this): carry them over to the new statement.
            var parameters = previous.Parameters.Cast<SqliteParameter>().ToList();
            var timeout = previous.CommandTimeout;
            previous.Parameters.Clear();
            statements.Put(previous, _generation);
            Inner.Parameters.AddRange(parameters);
            Inner.CommandTimeout = timeout;
        }
    }

    public override int CommandTimeout
    {
        get => Inner.CommandTimeout;
        set => Inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set => Inner.CommandType = value; // throws for anything but Text, as SqliteCommand does
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => statements.Connection;
        set
        {
            if (value != statements.Connection)
                throw new NotSupportedException("A reused SQLite command stays with the connection it was made for.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = value;
    }

    private SqliteCommand Inner
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_inner is null)
            {
                _inner = statements.Take(_text);
                _generation = statements.Generation;
            }

            return _inner;
        }
    }

    public override void Cancel() => _inner?.Cancel();

    public override void Prepare() => Ready().Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        try { return _reader = Ready().ExecuteReader(behavior); }
        catch { _failed = true; throw; }
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        try { return _reader = await Ready().ExecuteReaderAsync(behavior, cancellationToken); }
        catch { _failed = true; throw; }
    }

    public override int ExecuteNonQuery()
    {
        try { return Ready().ExecuteNonQuery(); }
        catch { _failed = true; throw; }
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        try { return await Ready().ExecuteNonQueryAsync(cancellationToken); }
        catch { _failed = true; throw; }
    }

    public override object? ExecuteScalar()
    {
        try { return Ready().ExecuteScalar(); }
        catch { _failed = true; throw; }
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        try { return await Ready().ExecuteScalarAsync(cancellationToken); }
        catch { _failed = true; throw; }
    }

    /// <summary>The underlying command in this command's transaction, as SqliteCommand insists it be.</summary>
    private SqliteCommand Ready()
    {
        var inner = Inner;
        inner.Transaction = (SqliteTransaction?)_transaction;
        return inner;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            if (_inner is { } inner)
            {
                _inner = null;
                // An open reader still uses the statement: it is left alone (closing the connection finalizes it).
                if (_reader is not { IsClosed: false })
                {
                    if (_failed) inner.Dispose();
                    else statements.Put(inner, _generation);
                }
            }

            _reader = null;
            _transaction = null;
        }

        base.Dispose(disposing);
    }
}
