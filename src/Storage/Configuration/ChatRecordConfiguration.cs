using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ChatRecordConfiguration : IEntityTypeConfiguration<ChatRecord>
{
    public void Configure(EntityTypeBuilder<ChatRecord> b)
    {
        b.ToTable("Chats");
        b.HasKey(c => new { c.Messenger, c.ChatId });
        b.Property(c => c.Messenger).HasMaxLength(16);
        b.Property(c => c.Title).HasMaxLength(256);
        b.Property(c => c.Username).HasMaxLength(64);
    }
}
