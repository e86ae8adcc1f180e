using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.HasKey(o => o.Id);
        b.Property(o => o.Messenger).HasMaxLength(16);
        b.Property(o => o.LastError).HasMaxLength(512);
        // The sender's query: what is pending for one messenger, interactive first, oldest first.
        b.HasIndex(o => new { o.Messenger, o.Status, o.Priority, o.Id });
        // The sender's per-chat checks: is there an earlier pending row of this chat and priority, is one of its
        // rows being sent (see OutboxSender.PickAndClaimAsync). Also serves what (Messenger, ChatId, Status) served.
        b.HasIndex(o => new { o.Messenger, o.ChatId, o.Status, o.Priority, o.Id });
        b.Property(o => o.ClaimedBy).HasMaxLength(Instance.IdLength);
        b.Property(o => o.Subject).HasMaxLength(16);
        b.Property(o => o.SubjectAction).HasMaxLength(16);
        // Finding the post a staff member replied to.
        b.HasIndex(o => new { o.Messenger, o.ChatId, o.SentMessageId });
        b.HasIndex(o => new { o.BroadcastId, o.Status });
    }
}
