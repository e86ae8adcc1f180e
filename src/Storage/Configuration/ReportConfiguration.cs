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
        b.Property(r => r.Assignee).HasMaxLength(32);
        b.HasIndex(r => new { r.MemberId, r.UpdatedAt });
        b.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.DueAt);
        b.HasIndex(r => r.CheckAt);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId);
    }

    /// <summary>
    /// The index of open reports by secretariat and county, newest last, which the similar-reports preview (every report
    /// filed) walks backwards for its candidates; the staff inbox uses it too. It depends on the provider, so
    /// <see cref="BotDbContext"/> adds it once it knows which.
    /// - Partial, of open reports only: the preview walks exactly its candidates, however many reports are closed or filed
    ///   elsewhere. On (Secretariat, County, Stage) SQLite scans the whole table instead, newest first, which slows
    ///   every filing as reports accumulate (measured in docs/benchmarks.md).
    /// - On SQLite it also holds what the preview reads (the filer, the stored words), so the 300 candidates come from a
    ///   few neighbouring index pages instead of 300 rows across the table: reading the table's rows costs several
    ///   times more once they fall out of SQLite's cache, which the bot's pages share and which is small (measured in
    ///   docs/benchmarks.md). Only on SQLite: a PostgreSQL B-tree entry cannot exceed about 2.7 KB, and the stored words
    ///   of a long description can; PostgreSQL reads the rows from its shared buffers.
    /// The filter is plain SQL both providers read alike.
    /// </summary>
    public static void IndexOpenReports(EntityTypeBuilder<Report> b, bool covering)
    {
        var open = $"\"Stage\" <> {(int)ReportStage.Closed}";
        // Stage too: SQLite reads a column the query names from the row unless the index holds it, the filter's notwithstanding.
        if (covering) b.HasIndex(r => new { r.Secretariat, r.County, r.Id, r.MemberId, r.Stage, r.MatchWords }).HasFilter(open);
        else b.HasIndex(r => new { r.Secretariat, r.County, r.Id }).HasFilter(open);
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
