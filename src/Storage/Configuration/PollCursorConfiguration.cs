using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class PollCursorConfiguration : IEntityTypeConfiguration<PollCursor>
{
    public void Configure(EntityTypeBuilder<PollCursor> b)
    {
        b.HasKey(c => c.Messenger);
        b.Property(c => c.Messenger).HasMaxLength(16);
    }
}
