using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Assembly.Storage;

/// <summary>
/// Used only by <c>dotnet ef</c>; the running bot builds its context from configuration. One factory per
/// provider's context type: <c>--context BotDbContext</c> is SQLite, <c>--context PostgresBotDbContext</c> is
/// PostgreSQL (see <see cref="PostgresBotDbContext"/>). Neither connects for <c>migrations add</c>.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = "Data Source=design-time.db" }, compiledModel: false);
        return new BotDbContext(builder.Options);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBotDbContext>
{
    public PostgresBotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresBotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = "Host=localhost;Database=bot" }, compiledModel: false);
        return new PostgresBotDbContext(builder.Options);
    }
}
