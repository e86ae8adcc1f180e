using Assembly.Bot.Tests.Support;
using Assembly.Storage;

namespace Assembly.Bot.Tests.Units;

/// <summary>What a bot on one provider asks of the other: nothing it must load.</summary>
public sealed class ProviderChoiceTests
{
    [Fact]
    public void Transaction_locks_know_a_PostgreSQL_context_by_its_provider_name()
    {
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.Equal(TransactionLocks.NpgsqlProvider, postgres.Database.ProviderName);
    }

    [Fact]
    public async Task A_SQLite_context_takes_no_transaction_lock_and_needs_no_transaction_for_it()
    {
        using var database = TestDatabase.OnSqlite();
        await using var db = database.Open();
        // Outside a transaction PostgreSQL's locks would be refused; on SQLite none is taken, so nothing is refused.
        await TransactionLocks.TakeAsync(db, "report:AB-1001", CancellationToken.None);
        Assert.NotEqual(TransactionLocks.NpgsqlProvider, db.Database.ProviderName);
    }
}
