using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The database has a bad moment while a member writes: another connection holds the write lock (SQLite) or a table
/// (PostgreSQL). The bot's patience for a lock is one second here (<c>Default Timeout=1</c>; 30 s by default), so the
/// pipeline meets the error in a moment and retries, as it would after 30 s in production.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class DatabaseFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string Assembly = "مجمع بسیجیان شهرستان کاشان";
    private const long Member = 7301;

    private static Dictionary<string, string?> Impatient(TestDatabase database, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = database.ConnectionString + ";Default Timeout=1" };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task A_write_lock_held_for_a_moment_is_waited_out_and_the_member_gets_the_real_answer()
    {
        using var database = TestDatabase.OnSqlite();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var logs = new LogCollector();
        await using var bot = await BotTestHost.StartAsync(database, telegram, logs: logs, settings: Impatient(database));
        telegram.EnqueueText(Member, "/start", "رضا");
        await telegram.WaitUntilAsync(t => t.SentTo(Member).Count >= 1, Wait);

        using (var holder = await HoldWriteLockAsync(database))
        {
            telegram.EnqueueText(Member, "رضا رضایی");
            await Eventually.TrueAsync(() => Retries(logs, "a lane of 1 updates") >= 1);
        }

        await telegram.WaitUntilAsync(t => t.SentTo(Member).Count >= 2, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        // The name was taken: the next question came, and no apology.
        Assert.Equal([Texts.RegistrationStart(Assembly), Texts.AskPhoneAndWhoSees], telegram.SentTo(Member).Select(m => m.Text));
        await using var db = bot.Db();
        Assert.Equal(2, await db.ProcessedUpdates.CountAsync(p => !p.Failed));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("given up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lock_held_through_every_retry_ends_in_the_apology_with_nothing_half_written()
    {
        using var database = TestDatabase.OnSqlite();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var logs = new LogCollector();
        await using var bot = await BotTestHost.StartAsync(database, telegram, logs: logs, settings: Impatient(database));
        // The bot is up and polling before the lock is taken.
        await telegram.WaitUntilAsync(t => t.GetUpdatesCalls >= 1, Wait);

        long update;
        using (var holder = await HoldWriteLockAsync(database))
        {
            update = telegram.EnqueueText(Member, "/start", "رضا");
            // Every retry of the update's transaction failed, and recording the failure waits too: then the lock goes.
            await Eventually.TrueAsync(() => Retries(logs, $"the failure of update {update}") >= 1, seconds: 40);
        }

        await telegram.WaitUntilAsync(t => t.SentTo(Member).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Equal([Texts.SorryFailed], telegram.SentTo(Member).Select(m => m.Text));
        Assert.Equal(3, Retries(logs, "a lane of 1 updates"));
        await using var db = bot.Db();
        var marker = await db.ProcessedUpdates.SingleAsync();
        Assert.Equal((update, true), (marker.UpdateId, marker.Failed));
        // Of the /start itself nothing was kept: no conversation begun, no chat recorded, no reply but the apology.
        Assert.Empty(await db.Conversations.ToListAsync());
        Assert.Empty(await db.Chats.ToListAsync());
        Assert.Equal(1, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task A_posted_update_that_could_not_even_be_given_up_gets_503_and_is_answered_when_posted_again()
    {
        using var database = TestDatabase.OnSqlite();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var logs = new LogCollector();
        await using var bot = await BotTestHost.StartAsync(database, telegram, logs: logs, settings: Impatient(database, WebhookTests.TelegramWebhook()));
        telegram.RouteWebhookTo(bot.HttpAddress);

        using (var holder = await HoldWriteLockAsync(database))
        {
            telegram.EnqueueText(Member, "/start", "رضا");
            await telegram.WaitUntilAsync(t => t.WebhookPosts.Any(p => p.Status == 503), TimeSpan.FromSeconds(60));
        }

        await telegram.WaitUntilAsync(t => t.SentTo(Member).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        // Nobody was told of a failure: the messenger posted the update again and it was handled.
        Assert.Equal([Texts.RegistrationStart(Assembly)], telegram.SentTo(Member).Select(m => m.Text));
        Assert.Equal(200, telegram.WebhookPosts[^1].Status);
        await using var db = bot.Db();
        Assert.False((await db.ProcessedUpdates.SingleAsync()).Failed);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_table_locked_past_the_lock_timeout_is_retried_and_the_member_gets_the_real_answer()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var logs = new LogCollector();
        // The server gives up waiting for a lock after a second (55P03), as it would end a session in a failover.
        var impatient = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c lock_timeout=1000" }.ConnectionString;
        await using var bot = await BotTestHost.StartAsync(database, telegram, logs: logs,
            settings: new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = impatient });
        telegram.EnqueueText(Member, "/start", "رضا");
        await telegram.WaitUntilAsync(t => t.SentTo(Member).Count >= 1, Wait);

        await using (var holder = new NpgsqlConnection(database.ConnectionString))
        {
            await holder.OpenAsync();
            await using var tx = await holder.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("""LOCK TABLE "ProcessedUpdates" IN ACCESS EXCLUSIVE MODE""", holder, tx))
                await lockTable.ExecuteNonQueryAsync();
            telegram.EnqueueText(Member, "رضا رضایی");
            await Eventually.TrueAsync(() => Retries(logs, "a lane of 1 updates") >= 1);
            await tx.RollbackAsync();
        }

        await telegram.WaitUntilAsync(t => t.SentTo(Member).Count >= 2, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Equal([Texts.RegistrationStart(Assembly), Texts.AskPhoneAndWhoSees], telegram.SentTo(Member).Select(m => m.Text));
        Assert.Contains(logs.Lines, l => l.Contains("55P03", StringComparison.Ordinal));
    }

    /// <summary>Another connection's write transaction on the bot's SQLite file, held until disposed.</summary>
    private static async Task<IDisposable> HoldWriteLockAsync(TestDatabase database)
    {
        var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        return new Lock(connection);
    }

    private sealed class Lock(SqliteConnection connection) : IDisposable
    {
        public void Dispose()
        {
            using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }

            connection.Dispose();
        }
    }

    private static int Retries(LogCollector logs, string what) =>
        logs.Lines.Count(l => l.Contains($"{what} met a transient database error", StringComparison.Ordinal));
}
