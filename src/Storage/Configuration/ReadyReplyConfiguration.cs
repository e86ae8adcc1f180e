using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ReadyReplyConfiguration : IEntityTypeConfiguration<ReadyReply>
{
    /// <summary>Longer than a reply staff would pick from a list, short enough to show in one message with the others.</summary>
    public const int MaxText = 1000;

    public void Configure(EntityTypeBuilder<ReadyReply> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Secretariat).HasMaxLength(32);
        b.Property(r => r.Text).HasMaxLength(MaxText);
        b.Property(r => r.AddedBy).HasMaxLength(32);
        b.HasIndex(r => r.Secretariat);
    }
}
