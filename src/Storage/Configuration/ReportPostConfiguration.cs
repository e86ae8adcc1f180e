using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ReportPostConfiguration : IEntityTypeConfiguration<ReportPost>
{
    public void Configure(EntityTypeBuilder<ReportPost> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Messenger).HasMaxLength(16);
        // One card per report and chat: sending it there again follows the newer message.
        b.HasIndex(p => new { p.ReportId, p.Messenger, p.ChatId }).IsUnique();
        b.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
