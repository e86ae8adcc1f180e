using Assembly.Storage.Entities;

namespace Assembly.Storage.Outbox;

/// <summary>
/// The outbox: messages written in the transaction of the change that caused them and sent later by the sender.
/// Writing happens inside that transaction, through <see cref="OutboxRows"/>. Everything else the outbox's rows go
/// through is here: the sender's look (record outcomes, pick, claim), the claim sweep, the gauges and the purge.
/// The SQL differs per provider where it must (<c>SqliteOutboxStatements</c>, <c>PostgresOutboxStatements</c>).
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Starts one look of a sender: a write transaction (alone on SQLite) in which it records the outcomes of finished
    /// sends, picks what may go and claims it. Nothing is kept unless <see cref="IOutboxLook.CommitAsync"/> is called.
    /// </summary>
    Task<IOutboxLook> BeginLookAsync(CancellationToken ct);

    /// <summary>When the pending rows of a messenger that are not yet due become due (rows put back to wait).</summary>
    Task<IReadOnlyList<DateTime>> WaitingRetriesAsync(string messenger, DateTime now, CancellationToken ct);

    /// <summary>The bytes of the file the bot made for a row, stored beside it; read outside any transaction.</summary>
    Task<byte[]> FileAsync(long rowId, CancellationToken ct);

    /// <summary>
    /// The forum topic kept for the report <paramref name="subject"/> in this chat (written when the topic was opened,
    /// <see cref="OutboxOutcome.Sent.OpensTopic"/>); null where it has none. Read outside any transaction.
    /// </summary>
    Task<int?> TopicAsync(string messenger, long chatId, string subject, CancellationToken ct);

    /// <summary>
    /// Puts back to pending, in their place in their chats' order, the rows being sent by an instance that will never
    /// record them: with <paramref name="alone"/>, any claimer but <paramref name="me"/>; otherwise one not seen since
    /// <paramref name="aliveSince"/>, or none. They are sent again: the message may have arrived, and a second copy is
    /// the price of never losing one. Then removes the heartbeat rows of instances not seen since
    /// <paramref name="forgetBefore"/>. Returns how many rows it put back.
    /// </summary>
    Task<int> SweepClaimsAsync(string me, bool alone, DateTime aliveSince, DateTime forgetBefore, CancellationToken ct);

    /// <summary>The waiting rows of each messenger that has any; a read only.</summary>
    Task<IReadOnlyList<OutboxDepth>> DepthsAsync(CancellationToken ct);

    /// <summary>
    /// In one short write, empties the payloads of up to <paramref name="batch"/> settled rows made before
    /// <paramref name="before"/> with ids above <paramref name="afterId"/> (<see cref="OutboxRetention.PurgeBatchAsync"/>).
    /// </summary>
    Task<(int Purged, long LastId)> PurgeBatchAsync(DateTime before, string emptyPayload, long afterId, int batch, CancellationToken ct);
}

/// <summary>One look of a sender at the outbox, one transaction; disposing it without a commit rolls it back.</summary>
public interface IOutboxLook : IAsyncDisposable
{
    /// <summary>Records the outcomes of finished sends of <paramref name="messenger"/>.</summary>
    Task RecordAsync(string messenger, IReadOnlyList<OutboxOutcome> outcomes);

    /// <summary>
    /// Up to <paramref name="limit"/> rows that may go next, in order, none above <paramref name="highest"/>; on
    /// PostgreSQL locked until the look ends, skipping rows another instance holds.
    /// </summary>
    Task<IReadOnlyList<OutboxCandidate>> CandidatesAsync(string messenger, OutboxPriority highest, int limit, DateTime now);

    /// <summary>Which of these chats blocked the bot.</summary>
    Task<IReadOnlySet<long>> UnreachableChatsAsync(string messenger, IReadOnlyCollection<long> chats);

    /// <summary>Settles rows still pending as unreachable, without a call to the server.</summary>
    Task SettleUnreachableAsync(IReadOnlyCollection<long> ids, DateTime now);

    /// <summary>Claims these rows for <paramref name="claimedBy"/> if they are still pending; returns those it claimed.</summary>
    Task<IReadOnlyList<ClaimedRow>> ClaimAsync(IReadOnlyCollection<long> ids, string claimedBy, DateTime now);

    Task CommitAsync();
}
