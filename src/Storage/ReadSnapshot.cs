using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Assembly.Storage;

/// <summary>
/// A read-only transaction on a reader's own context, for reads too long to make inside a write (statistics, exports):
/// every query in it sees the database as it was at its first read, and it never holds the writer. Disposing it ends it.
/// On SQLite a deferred transaction: under WAL it reads beside the writer and takes no lock a writer waits for (EF's own
/// <c>BeginTransaction</c> would be <c>BEGIN IMMEDIATE</c>, the write lock). On PostgreSQL a repeatable-read, read-only
/// transaction: one snapshot, and a write in it would fail.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly IDbContextTransaction _ef;

    /// <summary>The SQLite transaction EF was handed; EF does not end what it did not begin.</summary>
    private readonly DbTransaction? _own;

    private ReadSnapshot(IDbContextTransaction ef, DbTransaction? own)
    {
        _ef = ef;
        _own = own;
    }

    public static async Task<ReadSnapshot> BeginAsync(BotDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            var own = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            try
            {
                var ef = await db.Database.UseTransactionAsync(own, ct) ?? throw new InvalidOperationException("EF did not take the read transaction.");
                return new ReadSnapshot(ef, own);
            }
            catch
            {
                await own.DisposeAsync();
                throw;
            }
        }

        var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
        return new ReadSnapshot(tx, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _ef.DisposeAsync();
        if (_own is not null) await _own.DisposeAsync();
    }
}
