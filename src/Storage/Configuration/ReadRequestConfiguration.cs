using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ReadRequestConfiguration : IEntityTypeConfiguration<ReadRequest>
{
    public void Configure(EntityTypeBuilder<ReadRequest> b)
    {
        b.ToTable("ReadRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Messenger).HasMaxLength(16);
        b.Property(r => r.Command).HasMaxLength(16);
        b.Property(r => r.ClaimedBy).HasMaxLength(Instance.IdLength);
        // One at a time per person: asked for on every request.
        b.HasIndex(r => new { r.Messenger, r.UserId });
    }
}
