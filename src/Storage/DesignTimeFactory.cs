using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Assembly.Storage;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the running bot builds its context from configuration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BotDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = "Data Source=design-time.db" });
        return new BotDbContext(builder.Options);
    }
}
