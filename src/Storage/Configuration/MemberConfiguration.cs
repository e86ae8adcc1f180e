using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assembly.Storage.Configuration;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(128);
        b.Property(m => m.Phone).HasMaxLength(20);
        b.Property(m => m.County).HasMaxLength(64);
        b.Property(m => m.WorkingGroup).HasMaxLength(64);
        b.HasIndex(m => m.Phone);
        b.HasMany(m => m.Accounts).WithOne(a => a.Member).HasForeignKey(a => a.MemberId);
    }
}

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasKey(a => new { a.Messenger, a.UserId });
        b.Property(a => a.Messenger).HasMaxLength(16);
    }
}

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.HasKey(c => new { c.Messenger, c.ChatId });
        b.Property(c => c.Messenger).HasMaxLength(16);
        b.Property(c => c.Flow).HasMaxLength(32);
        b.Property(c => c.State).HasMaxLength(64);
        b.HasIndex(c => c.ExpiresAt);
        b.Ignore(c => c.Active);
    }
}

public sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Who).HasMaxLength(32);
        b.Property(g => g.Secretariat).HasMaxLength(32);
        b.Property(g => g.GrantedBy).HasMaxLength(32);
        b.Property(g => g.RevokedBy).HasMaxLength(32);
        b.HasIndex(g => new { g.Who, g.RevokedAt });
    }
}
