using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage;

/// <summary>
/// The bot's database. On SQLite it is used as it is; on PostgreSQL through <see cref="PostgresBotDbContext"/>,
/// which only exists so that each provider has its own migrations (see there).
/// </summary>
public class BotDbContext : DbContext
{
    public BotDbContext(DbContextOptions<BotDbContext> options) : base(options) { }

    /// <summary>For <see cref="PostgresBotDbContext"/>; not public, so the context pool sees one constructor.</summary>
    protected BotDbContext(DbContextOptions options) : base(options) { }

    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<PollCursor> PollCursors => Set<PollCursor>();
    public DbSet<ChatRecord> Chats => Set<ChatRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxFile> OutboxFiles => Set<OutboxFile>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<ReportFollower> ReportFollowers => Set<ReportFollower>();
    public DbSet<ReportPost> ReportPosts => Set<ReportPost>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<ClaimCode> ClaimCodes => Set<ClaimCode>();
    public DbSet<ClaimAttempt> ClaimAttempts => Set<ClaimAttempt>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Rsvp> Rsvps => Set<Rsvp>();
    public DbSet<MeetingReminder> MeetingReminders => Set<MeetingReminder>();
    public DbSet<Instance> Instances => Set<Instance>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<ChatMigration> ChatMigrations => Set<ChatMigration>();
    public DbSet<ReadRequest> ReadRequests => Set<ReadRequest>();
    public DbSet<ReadyReply> ReadyReplies => Set<ReadyReply>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
        // The one part of the model that differs by provider (see there).
        Configuration.ReportConfiguration.IndexOpenReports(modelBuilder.Entity<Report>(), covering: Database.IsSqlite());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC and read back as UTC (SQLite keeps no kind; PostgreSQL insists on UTC).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
