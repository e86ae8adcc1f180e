using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ClaimCodeConfiguration : IEntityTypeConfiguration<ClaimCode>
{
    public void Configure(EntityTypeBuilder<ClaimCode> b)
    {
        b.ToTable("ClaimCodes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Hash).HasMaxLength(ClaimCode.HashLength);
        b.Property(c => c.UsedBy).HasMaxLength(32);
        b.HasIndex(c => c.Hash).IsUnique();
    }
}

public sealed class ClaimAttemptConfiguration : IEntityTypeConfiguration<ClaimAttempt>
{
    public void Configure(EntityTypeBuilder<ClaimAttempt> b)
    {
        b.ToTable("ClaimAttempts");
        b.HasKey(a => a.Account);
        b.Property(a => a.Account).HasMaxLength(32);
    }
}
