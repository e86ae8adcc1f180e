using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.FileKind).HasMaxLength(16);
        b.Property(x => x.FileId).HasMaxLength(256);
        b.Property(x => x.FileMessenger).HasMaxLength(16);
        b.Property(x => x.Audience).HasMaxLength(128);
        b.Property(x => x.CreatedBy).HasMaxLength(32);
    }
}
