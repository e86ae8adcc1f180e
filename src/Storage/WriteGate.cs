using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage;

/// <summary>
/// Where every write transaction of the bot starts: <see cref="EnterAsync"/> hands out a context to write with.
///
/// On SQLite it lets one write transaction at a time in, and always on the same connection, kept open.
/// - One at a time: SQLite has one write lock; writers that find it taken wait in SQLite's busy handler, which
///   sleeps in growing steps (up to 100 ms) instead of being woken when the lock frees, and blocks a thread
///   meanwhile. Queuing here hands the lock over at once, in order. <c>busy_timeout</c> stays as the safety net
///   for another process (a CLI command) writing at the same time.
/// - The same connection: a SQLite connection drops its whole page cache when it finds that another connection
///   wrote since its last transaction, and a pooled connection also loses its prepared statements when it is
///   closed. Writers taking turns on pooled connections would therefore start every transaction cold: each page
///   read again, each statement parsed again, the PRAGMAs run again, a large share of the process's CPU (measured
///   in docs/benchmarks.md). One connection that only writers use keeps both.
///   Readers outside the gate use pooled connections; WAL lets them read meanwhile.
///
/// On PostgreSQL transactions may overlap, and everyone gets a context of the pool at once.
/// </summary>
public sealed class WriteGate : IAsyncDisposable
{
    private readonly IDbContextFactory<BotDbContext> _factory;
    private readonly StorageOptions _options;
    private readonly SemaphoreSlim _one = new(1, 1);
    private SqliteConnection? _writer;
    private DbContextOptions<BotDbContext>? _writerOptions;

    public WriteGate(IDbContextFactory<BotDbContext> factory, StorageOptions options)
    {
        _factory = factory;
        _options = options;
    }

    private bool Serialize => _options.Provider == StorageOptions.Sqlite;

    /// <summary>A context to write with, alone on SQLite until the session is disposed.</summary>
    public async ValueTask<WriteSession> EnterAsync(CancellationToken ct)
    {
        if (!Serialize) return new WriteSession(await _factory.CreateDbContextAsync(ct), null);
        await _one.WaitAsync(ct);
        try
        {
            if (_writer is null)
            {
                _writer = new SqliteConnection(_options.ConnectionString);
                await _writer.OpenAsync(ct);
                // EF opens no connection it is handed open, so the PRAGMAs its interceptor runs are run here.
                await SqliteConnectionSetup.ApplyAsync(_writer, ct);
                var builder = new DbContextOptionsBuilder<BotDbContext>();
                StorageServiceCollectionExtensions.Configure(builder, _options, connection: _writer);
                _writerOptions = builder.Options;
            }

            return new WriteSession(new BotDbContext(_writerOptions!), this);
        }
        catch
        {
            Drop();
            _one.Release();
            throw;
        }
    }

    /// <summary>
    /// The session is over. A transaction still open on the connection here means something failed in a way that
    /// also failed the rollback; the connection is let go rather than handed to the next writer in that state.
    /// </summary>
    private void Exit()
    {
        if (_writer is { } writer && (writer.State != ConnectionState.Open || InTransaction(writer)))
            Drop();
        _one.Release();
    }

    private static bool InTransaction(SqliteConnection connection) => SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    private void Drop()
    {
        if (_writer is { } writer)
        {
            try
            {
                // A pooled connection goes back to the pool as it is; a transaction left open must not go with it.
                if (writer.State == ConnectionState.Open && InTransaction(writer))
                {
                    using var rollback = writer.CreateCommand();
                    rollback.CommandText = "ROLLBACK";
                    rollback.ExecuteNonQuery();
                }
            }
            finally
            {
                writer.Dispose();
            }
        }

        _writer = null;
        _writerOptions = null;
    }

    public async ValueTask DisposeAsync()
    {
        // The host has stopped its writers by now; one that is somehow still writing keeps its connection.
        if (await _one.WaitAsync(TimeSpan.FromSeconds(10))) Drop();
    }

    /// <summary>One write: its context, disposed with it, and on SQLite the gate, released with it.</summary>
    public sealed class WriteSession : IAsyncDisposable
    {
        private readonly WriteGate? _gate;

        internal WriteSession(BotDbContext db, WriteGate? gate)
        {
            Db = db;
            _gate = gate;
        }

        public BotDbContext Db { get; }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await Db.DisposeAsync();
            }
            finally
            {
                _gate?.Exit();
            }
        }
    }
}
