using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ProcessedUpdateConfiguration : IEntityTypeConfiguration<ProcessedUpdate>
{
    public void Configure(EntityTypeBuilder<ProcessedUpdate> b)
    {
        // The key is the uniqueness that makes a redelivered update a no-op.
        b.HasKey(p => new { p.Messenger, p.UpdateId });
        b.Property(p => p.Messenger).HasMaxLength(16);
        b.HasIndex(p => p.ProcessedAt);
    }
}
