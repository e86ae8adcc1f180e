using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>
    /// The rows the sender still works on (pending or being sent), the only ones its two indexes hold, as SQL;
    /// <paramref name="alias"/> qualifies the column. A row leaves those indexes once settled (sent, failed ...), so
    /// they stay as small as the queue however many messages were ever sent, and settling a row removes its entries
    /// instead of moving them, which shortens the sender's time under the write lock (measured in docs/benchmarks.md).
    /// A query uses the indexes
    /// only if it states this condition itself, in these words: SQLite proves a partial index usable from terms of the
    /// query that match the index's own, and <c>"Status" = 0</c> alone does not imply <c>"Status" &lt; 2</c> to it
    /// (EXPLAIN QUERY PLAN, SQLite 3.40).
    /// </summary>
    public static string Unsettled(string? alias = null) => $"{(alias is null ? "" : alias + ".")}\"Status\" < {(int)OutboxStatus.Sent}";

    /// <summary>The same condition in LINQ (EF writes it as the same SQL).</summary>
    public static IQueryable<OutboxMessage> WhereUnsettled(IQueryable<OutboxMessage> rows) => rows.Where(o => o.Status < OutboxStatus.Sent);

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.HasKey(o => o.Id);
        b.Property(o => o.Messenger).HasMaxLength(16);
        b.Property(o => o.LastError).HasMaxLength(512);
        // The sender's query: what is pending for one messenger, interactive first, oldest first.
        b.HasIndex(o => new { o.Messenger, o.Status, o.Priority, o.Id }).HasFilter(Unsettled());
        // The sender's per-chat checks: is there an earlier pending row of this chat and priority, is one of its
        // rows being sent (see Outbox/OutboxStatements.CandidatesText). Also serves what (Messenger, ChatId, Status) served.
        b.HasIndex(o => new { o.Messenger, o.ChatId, o.Status, o.Priority, o.Id }).HasFilter(Unsettled());
        b.Property(o => o.ClaimedBy).HasMaxLength(Instance.IdLength);
        b.Property(o => o.Subject).HasMaxLength(16);
        b.Property(o => o.SubjectAction).HasMaxLength(16);
        b.Property(o => o.CausedBy).HasMaxLength(40);
        // Finding the post a staff member replied to.
        b.HasIndex(o => new { o.Messenger, o.ChatId, o.SentMessageId });
        b.HasIndex(o => new { o.BroadcastId, o.Status });
        // A report's latest post of a kind in one chat: the addition post to extend, the card copy to edit. Rows about
        // no report stay out of it.
        b.HasIndex(o => new { o.Messenger, o.ChatId, o.Subject, o.SubjectAction, o.Id }).HasFilter("\"Subject\" IS NOT NULL");
    }
}
