namespace Assembly.Storage.Outbox;

/// <summary>
/// SQLite: no row locks, and none needed, since one writer at a time holds the database (<see cref="WriteGate"/>);
/// one row a statement, each statement prepared once and run again (<see cref="Storage.RowsPerStatement"/>).
/// </summary>
internal sealed class SqliteOutboxStatements : OutboxStatements
{
    public static readonly SqliteOutboxStatements Instance = new();

    public override string Candidates => CandidatesText;

    public override int RowsPerStatement(int rows) => 1;
}
