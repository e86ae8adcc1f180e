namespace Assembly.Storage.Outbox;

/// <summary>
/// PostgreSQL: several instances may look at once, so the candidates picked are locked until the claim commits,
/// skipping those another instance holds; two instances take disjoint rows without waiting for each other. Every
/// statement is a round trip, so a claim or the sent outcomes of one look go in one statement.
/// </summary>
internal sealed class PostgresOutboxStatements : OutboxStatements
{
    public static readonly PostgresOutboxStatements Instance = new();

    public override string Candidates { get; } = CandidatesText + " FOR UPDATE SKIP LOCKED";

    public override int RowsPerStatement(int rows) => rows;
}
