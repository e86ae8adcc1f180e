using Microsoft.EntityFrameworkCore;

namespace Assembly.Storage;

/// <summary>
/// The same model as <see cref="BotDbContext"/>, on PostgreSQL. Each provider has its own migrations, following
/// EF Core's "Migrations with Multiple Providers", option "using multiple context types": EF finds a context's
/// migrations by the context type in their <c>[DbContext]</c> attribute, so the SQLite migrations
/// (<c>Migrations/Sqlite</c>, namespace <c>Assembly.Storage.Migrations.Sqlite</c>) belong to
/// <see cref="BotDbContext"/> and the PostgreSQL ones (<c>Migrations/Postgres</c>) to this type, both in this one
/// assembly and both in the usual <c>__EFMigrationsHistory</c> table of their own database. The other documented
/// option (one context type, one migrations assembly per provider) would need a project per provider.
/// Everything else in the bot takes a <see cref="BotDbContext"/>; this is one.
/// </summary>
public sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options);
