using Assembly.Storage;
using Microsoft.Extensions.Hosting;

namespace Assembly.Bot.Hosting;

/// <summary>Registered first, so the schema is current before any receiver or sender starts.</summary>
public sealed class DatabaseStartup(DatabaseInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
