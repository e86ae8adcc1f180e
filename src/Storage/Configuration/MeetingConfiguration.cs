using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Title).HasMaxLength(256);
        b.Property(m => m.Place).HasMaxLength(256);
        b.Property(m => m.Audience).HasMaxLength(512);
        b.Property(m => m.CreatedBy).HasMaxLength(32);
        b.HasIndex(m => m.StartsAt);
        b.HasMany(m => m.Rsvps).WithOne().HasForeignKey(r => r.MeetingId);
        b.HasMany(m => m.Reminders).WithOne().HasForeignKey(r => r.MeetingId);
    }
}

public sealed class RsvpConfiguration : IEntityTypeConfiguration<Rsvp>
{
    public void Configure(EntityTypeBuilder<Rsvp> b)
    {
        b.HasKey(r => new { r.MeetingId, r.MemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId);
    }
}

public sealed class MeetingReminderConfiguration : IEntityTypeConfiguration<MeetingReminder>
{
    public void Configure(EntityTypeBuilder<MeetingReminder> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.SentAt, r.DueAt });
    }
}
