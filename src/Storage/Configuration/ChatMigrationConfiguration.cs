using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ChatMigrationConfiguration : IEntityTypeConfiguration<ChatMigration>
{
    public void Configure(EntityTypeBuilder<ChatMigration> b)
    {
        b.HasKey(m => new { m.Messenger, m.FromChatId });
        b.Property(m => m.Messenger).HasMaxLength(16);
        // A message from the new supergroup is looked up by its id, to know it is a staff chat.
        b.HasIndex(m => new { m.Messenger, m.ToChatId });
    }
}
