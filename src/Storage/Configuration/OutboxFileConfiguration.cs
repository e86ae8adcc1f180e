using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class OutboxFileConfiguration : IEntityTypeConfiguration<OutboxFile>
{
    public void Configure(EntityTypeBuilder<OutboxFile> b)
    {
        b.ToTable("OutboxFiles");
        b.HasKey(f => f.OutboxMessageId);
        b.HasOne(f => f.Message).WithOne().HasForeignKey<OutboxFile>(f => f.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.FileName).HasMaxLength(128);
        b.Property(f => f.ContentType).HasMaxLength(128);
        // byte[]: BLOB on SQLite, bytea on PostgreSQL.
    }
}
