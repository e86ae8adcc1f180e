using System.Runtime.Versioning;
using Assembly.Bot.Cli;
using Assembly.Bot.Tests.Support;
using Assembly.FakeBotApi;
using Assembly.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Cli;

/// <summary><c>backup FILE</c>: an online copy of the database, taken while other connections write to it.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class BackupCommandTests
{
    private const int Seeded = 300;

    [Fact]
    public async Task A_backup_taken_while_another_connection_keeps_writing_holds_every_row_committed_before_it_and_only_whole_transactions()
    {
        using var database = TestDatabase.OnSqlite();
        await CliTestSupport.MigrateAsync(database);
        await using (var seed = await OpenAsync(database.File))
            for (var i = 0; i < Seeded; i++) await InsertMemberWithAccountAsync(seed, i);

        // A writer that keeps committing a member and their account in one transaction each, as the bot would.
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = await OpenAsync(database.File);
            for (var n = Seeded; !stop.IsCancellationRequested; n++)
            {
                await InsertMemberWithAccountAsync(connection, n);
                Interlocked.Increment(ref committed);
            }
        });
        await Eventually.TrueAsync(() => Volatile.Read(ref committed) >= 50);

        var copy = Path.Combine(Path.GetDirectoryName(database.File)!, "copy.db");
        var before = Volatile.Read(ref committed);
        var console = new TestConsole();
        var exit = await BackupCommand.RunAsync([copy], console.Console, CliTestSupport.Settings(database));
        var after = Volatile.Read(ref committed);
        await Eventually.TrueAsync(() => Volatile.Read(ref committed) >= after + 20); // the writer was never stopped by the backup
        await stop.CancelAsync();
        await writer;

        Assert.True(exit == ExitCodes.Ok, console.Error.ToString());
        Assert.Equal("", console.Error.ToString());
        await using var backup = await OpenAsync(copy);
        Assert.Equal("ok", await ScalarAsync(backup, "PRAGMA integrity_check;"));
        Assert.Equal("delete", await ScalarAsync(backup, "PRAGMA journal_mode;")); // one self-contained file
        var members = Convert.ToInt32(await ScalarAsync(backup, "SELECT count(*) FROM Members;"));
        Assert.InRange(members, Seeded + before, Seeded + after);
        // Whole transactions only: every member in the copy has the account committed with them, and no account is alone.
        Assert.Equal(members, Convert.ToInt32(await ScalarAsync(backup, "SELECT count(*) FROM Accounts;")));
        Assert.Equal(0L, await ScalarAsync(backup, "SELECT count(*) FROM Members m WHERE NOT EXISTS (SELECT 1 FROM Accounts a WHERE a.MemberId = m.Id);"));
        Assert.Equal(members - 1, Convert.ToInt32(await ScalarAsync(backup, "SELECT max(UserId) FROM Accounts;")));
        Assert.Contains($"{members:N0} members", console.Out.ToString());
        Assert.StartsWith($"Backed up {database.File} to {copy}: ", console.Out.ToString());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(copy)!, "copy.db*")); // no temporary file left beside it
    }

    [Fact]
    public async Task A_backup_does_not_wait_for_a_writer_in_the_middle_of_a_transaction_and_copies_what_was_committed_even_if_still_in_the_wal()
    {
        using var database = TestDatabase.OnSqlite();
        await CliTestSupport.MigrateAsync(database);
        await using var writer = await OpenAsync(database.File);
        for (var i = 0; i < 10; i++) await InsertMemberWithAccountAsync(writer, i);
        Assert.True(new FileInfo(database.File + "-wal").Length > 0, "the committed rows should still be in the WAL, not yet in the main file");

        // The writer holds the write lock with a member not yet committed.
        await using (var transaction = (SqliteTransaction)await writer.BeginTransactionAsync())
        {
            await InsertMemberWithAccountAsync(writer, 10, transaction);

            var copy = Path.Combine(Path.GetDirectoryName(database.File)!, "mid-write.db");
            var console = new TestConsole();
            var took = System.Diagnostics.Stopwatch.StartNew();
            var exit = await BackupCommand.RunAsync([copy], console.Console, CliTestSupport.Settings(database));
            Assert.True(exit == ExitCodes.Ok, console.Error.ToString());
            Assert.True(took.Elapsed < TimeSpan.FromSeconds(10), $"the backup waited {took.Elapsed} for the writer");

            await using var backup = await OpenAsync(copy);
            Assert.Equal(10L, await ScalarAsync(backup, "SELECT count(*) FROM Members;"));
            Assert.Equal(0L, await ScalarAsync(backup, "SELECT count(*) FROM Accounts WHERE UserId = 10;"));
            await transaction.CommitAsync(); // and the writer commits afterwards as if nothing happened
        }

        Assert.Equal(11L, await ScalarAsync(writer, "SELECT count(*) FROM Members;"));
    }

    [Fact]
    public async Task A_backup_taken_while_the_real_bot_handles_updates_holds_whole_units_of_work()
    {
        using var database = TestDatabase.OnSqlite();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram);
        const int Users = 300;
        for (var user = 1; user <= Users; user++) telegram.EnqueueText(10_000 + user, "/start", "عضو");
        await Eventually.StoredAsync(bot, async db => await db.ProcessedUpdates.CountAsync() >= 20);

        var copy = Path.Combine(Path.GetDirectoryName(database.File)!, "live.db");
        var console = new TestConsole();
        var exit = await BackupCommand.RunAsync([copy], console.Console, CliTestSupport.Settings(database));
        Assert.True(exit == ExitCodes.Ok, console.Error.ToString());
        await Eventually.StoredAsync(bot, async db => await db.ProcessedUpdates.CountAsync() == Users, seconds: 60);

        await using var backup = await OpenAsync(copy);
        Assert.Equal("ok", await ScalarAsync(backup, "PRAGMA integrity_check;"));
        var processed = Convert.ToInt32(await ScalarAsync(backup, "SELECT count(*) FROM ProcessedUpdates;"));
        Assert.InRange(processed, 20, Users);
        // An update is committed with its reply in the outbox: the copy has a reply for every update it has marked processed, and no other.
        Assert.Equal(processed, Convert.ToInt32(await ScalarAsync(backup, "SELECT count(*) FROM Outbox;")));
        await using var live = bot.Db();
        Assert.Equal(Users, await live.Outbox.CountAsync());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_backup_is_readable_by_its_owner_only()
    {
        using var database = TestDatabase.OnSqlite();
        await CliTestSupport.MigrateAsync(database);
        await using (var writer = await OpenAsync(database.File))
            for (var i = 0; i < 10; i++) await InsertMemberWithAccountAsync(writer, i);
        var copy = Path.Combine(Path.GetDirectoryName(database.File)!, "private.db");

        var console = new TestConsole();
        var exit = await BackupCommand.RunAsync([copy], console.Console, CliTestSupport.Settings(database));

        Assert.True(exit == ExitCodes.Ok, console.Error.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));
        await using var backup = await OpenAsync(copy);
        Assert.Equal(10L, await ScalarAsync(backup, "SELECT count(*) FROM Members;"));
    }

    [Fact]
    public async Task A_backup_refuses_a_file_that_exists_and_leaves_it_as_it_was()
    {
        using var database = TestDatabase.OnSqlite();
        await CliTestSupport.MigrateAsync(database);
        var existing = Path.Combine(Path.GetDirectoryName(database.File)!, "yesterday.db");
        await File.WriteAllTextAsync(existing, "yesterday's backup");

        var console = new TestConsole();
        var exit = await BackupCommand.RunAsync([existing], console.Console, CliTestSupport.Settings(database));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal($"{existing} already exists; a backup never overwrites a file, so give a new name.", console.Error.ToString().Trim());
        Assert.Equal("", console.Out.ToString());
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(existing));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(existing)!, "yesterday.db*"));
    }

    [Fact]
    public async Task Without_a_database_a_backup_says_so_and_creates_none()
    {
        using var database = TestDatabase.OnSqlite();
        var console = new TestConsole();

        var exit = await BackupCommand.RunAsync([database.File + ".copy"], console.Console, CliTestSupport.Settings(database));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal($"There is no database at {database.File}; nothing was backed up.", console.Error.ToString().Trim());
        Assert.False(File.Exists(database.File));
        Assert.False(File.Exists(database.File + ".copy"));
    }

    [Theory]
    [InlineData]
    [InlineData("one.db", "two.db")]
    public async Task A_backup_needs_exactly_one_file_name(params string[] args)
    {
        using var database = TestDatabase.OnSqlite();
        var console = new TestConsole();

        var exit = await BackupCommand.RunAsync(args, console.Console, CliTestSupport.Settings(database));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(BackupCommand.UsageText, console.Error.ToString().Trim());
    }

    [Fact]
    public async Task A_backup_refuses_a_database_that_is_not_sqlite()
    {
        var error = await Assert.ThrowsAsync<CliError>(() => BackupCommand.BackupAsync(
            new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = "Host=db;Password=secret" }, "copy.db", CancellationToken.None));

        Assert.Equal("backup copies a SQLite database, and Storage:Provider is 'Postgres'; back that database up with its own tools.", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Member <paramref name="n"/> and their Telegram account (user id <paramref name="n"/>), in one transaction.</summary>
    private static async Task InsertMemberWithAccountAsync(SqliteConnection connection, int n, SqliteTransaction? outer = null)
    {
        var transaction = outer ?? connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Members (Name, Phone, PhoneVerified, County, CreatedAt, MutedAnnouncements) VALUES ($name, $phone, 0, 'کاشان', '2026-11-28 12:00:00', 0);
            INSERT INTO Accounts (Messenger, UserId, MemberId, ChatId, LinkedAt) VALUES ('telegram', $n, last_insert_rowid(), $n, '2026-11-28 12:00:00');
            """;
        command.Parameters.AddWithValue("$name", "عضو " + n + new string('ا', 60));
        command.Parameters.AddWithValue("$phone", $"+98912{n:0000000}");
        command.Parameters.AddWithValue("$n", n);
        await command.ExecuteNonQueryAsync();
        if (outer is null)
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
