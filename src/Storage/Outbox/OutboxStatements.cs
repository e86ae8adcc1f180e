using System.Globalization;
using System.Text;
using Assembly.Storage.Configuration;
using Assembly.Storage.Entities;

namespace Assembly.Storage.Outbox;

/// <summary>
/// The outbox's own SQL, which SQLite and PostgreSQL both read, and what differs between them: row locks and how
/// many rows one statement carries. <c>{n}</c> stands for the n-th value (<see cref="RawSql"/>).
/// </summary>
internal abstract class OutboxStatements
{
    public static OutboxStatements For(string provider) =>
        provider == StorageOptions.Postgres ? PostgresOutboxStatements.Instance : SqliteOutboxStatements.Instance;

    /// <summary>
    /// The rows that may go next: pending rows of this messenger that are due, each the first of its chat in the
    /// sender's order (interactive before bulk, then oldest first), of a chat none of whose rows is being sent (by any
    /// instance), interactive first, then oldest first. Together the two conditions are what keeps one chat's messages
    /// one at a time and in order across instances: a chat's next row is not a candidate while an earlier one is
    /// pending or being sent, even when the earlier one is locked by another instance's claim that has not committed
    /// yet (the NOT EXISTS still sees it pending, where a plain "first row per chat" over unlocked rows would hand out
    /// the next one). Bulk rows of a chat also wait for its pending interactive ones.
    /// {0} messenger, {1} Pending, {2} Sending, {3} the highest priority the caller may claim, {4} how many rows to
    /// look at, {5} now. Each part also states that its rows are unsettled, which they are by their status already:
    /// without it SQLite would not use the partial indexes that hold only such rows
    /// (<see cref="OutboxMessageConfiguration.Unsettled"/>). The plan reads those indexes only: the candidates in
    /// order from (Messenger, Status, Priority, Id), each per-chat check a probe of (Messenger, ChatId, Status,
    /// Priority, Id) (OutboxCandidatesPlanTests; the PostgreSQL plan is in docs/benchmarks.md).
    /// </summary>
    public static readonly string CandidatesText = $$"""
        SELECT o."Id", o."ChatId", o."ChatKind", o."Priority", o."NotBefore"
        FROM "Outbox" AS o
        WHERE o."Messenger" = {0} AND o."Status" = {1} AND {{OutboxMessageConfiguration.Unsettled("o")}} AND o."Priority" <= {3} AND o."NotBefore" <= {5}
          AND NOT EXISTS (SELECT 1 FROM "Outbox" AS e
                          WHERE e."Messenger" = o."Messenger" AND e."ChatId" = o."ChatId" AND e."Status" = {1} AND {{OutboxMessageConfiguration.Unsettled("e")}}
                            AND (e."Priority" < o."Priority" OR (e."Priority" = o."Priority" AND e."Id" < o."Id")))
          AND NOT EXISTS (SELECT 1 FROM "Outbox" AS s
                          WHERE s."Messenger" = o."Messenger" AND s."ChatId" = o."ChatId" AND s."Status" = {2} AND {{OutboxMessageConfiguration.Unsettled("s")}})
        ORDER BY o."Priority", o."Id"
        LIMIT {4}
        """;

    /// <summary>The candidates query as this provider runs it.</summary>
    public abstract string Candidates { get; }

    /// <summary>How many of <paramref name="rows"/> one statement of a claim or of the sent outcomes carries (<see cref="Storage.RowsPerStatement"/>).</summary>
    public abstract int RowsPerStatement(int rows);

    /// <summary>
    /// Claims rows that are still pending, returning what the sender needs of each: {0} Sending, {1} the time, {2}
    /// the claimer, {3} Pending, then the ids. Only what it returns is sent: a row that changed since it was picked
    /// is never sent on the strength of the earlier read.
    /// </summary>
    public static string Claim(int rows)
    {
        var ids = string.Join(", ", Enumerable.Range(0, rows).Select(i => $"{{{i + 4}}}"));
        return $"UPDATE \"Outbox\" SET \"Status\" = {{0}}, \"ClaimedAt\" = {{1}}, \"ClaimedBy\" = {{2}} "
            + $"WHERE \"Status\" = {{3}} AND \"Id\" IN ({ids}) RETURNING \"Id\", \"Payload\", \"Attempts\", \"CreatedAt\", \"CausedBy\", \"Subject\", \"BroadcastId\"";
    }

    /// <summary>
    /// Records rows as sent, in plain SQL rather than through the change tracker: the common outcome, written while
    /// the write lock is held (docs/benchmarks.md). Returns the statement and its values.
    /// </summary>
    public static (string Sql, List<object> Values) Sent(IReadOnlyList<OutboxOutcome.Sent> sent)
    {
        var values = new List<object> { (int)OutboxStatus.Sent };
        var messageIds = new StringBuilder();
        var sentAt = new StringBuilder();
        var ids = new StringBuilder();
        foreach (var row in sent)
        {
            var id = values.Count;
            values.Add(row.Id);
            values.Add(row.At);
            sentAt.Append(CultureInfo.InvariantCulture, $" WHEN {{{id}}} THEN {{{id + 1}}}");
            // A send without a message id (a button answer that an older version left in the outbox): a null cannot be
            // a raw SQL parameter, so it is written as NULL, typed: PostgreSQL reads a CASE of only untyped NULLs as
            // text, which a bigint column refuses.
            if (row.MessageId is { } messageId)
            {
                values.Add(messageId);
                messageIds.Append(CultureInfo.InvariantCulture, $" WHEN {{{id}}} THEN {{{id + 2}}}");
            }
            else
            {
                messageIds.Append(CultureInfo.InvariantCulture, $" WHEN {{{id}}} THEN CAST(NULL AS BIGINT)");
            }

            ids.Append(ids.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{{{id}}}");
        }

        return ($"UPDATE \"Outbox\" SET \"Status\" = {{0}}, \"Attempts\" = \"Attempts\" + 1, "
            + $"\"SentMessageId\" = CASE \"Id\"{messageIds} END, \"SentAt\" = CASE \"Id\"{sentAt} END WHERE \"Id\" IN ({ids})", values);
    }
}
