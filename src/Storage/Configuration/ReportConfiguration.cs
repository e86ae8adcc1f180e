using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Code).HasMaxLength(16);
        b.HasIndex(r => r.Code).IsUnique();
        b.Property(r => r.Secretariat).HasMaxLength(32);
        b.Property(r => r.County).HasMaxLength(64);
        b.HasIndex(r => new { r.MemberId, r.UpdatedAt });
        // The similar-reports preview (every report filed) reads the newest open reports of one secretariat and county:
        // with this index it walks exactly those, newest first, however many reports are closed or filed elsewhere. On
        // (Secretariat, County, Stage), which it replaces, SQLite scanned the whole table instead, newest first, so the
        // preview's cost grew with every report ever filed (conversation benchmark: 1,870 against 2,750 updates/s once
        // 6,000 reports were stored). The filter is plain SQL both providers read alike.
        b.HasIndex(r => new { r.Secretariat, r.County, r.Id }).HasFilter($"\"Stage\" <> {(int)ReportStage.Closed}");
        b.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.DueAt);
        b.HasIndex(r => r.CheckAt);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId);
    }
}

public sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Messenger).HasMaxLength(16);
        b.Property(a => a.FileId).HasMaxLength(256);
    }
}

public sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(32);
        b.HasIndex(e => new { e.ReportId, e.At });
    }
}

public sealed class ReportFollowerConfiguration : IEntityTypeConfiguration<ReportFollower>
{
    public void Configure(EntityTypeBuilder<ReportFollower> b)
    {
        b.HasKey(f => new { f.ReportId, f.MemberId });
        b.HasIndex(f => f.MemberId);
        b.HasOne<Report>().WithMany().HasForeignKey(f => f.ReportId);
        b.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId);
    }
}
