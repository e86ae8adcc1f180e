using Assembly.Bot.Messengers;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assembly.Bot.Observability;

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<BotDbContext> factory, SecretRedactor redactor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            // A real round trip: opening a connection alone proves little (SQLite creates a missing file).
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            return HealthCheckResult.Healthy("answers");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The message only, without secrets; never the connection string.
            return HealthCheckResult.Unhealthy("does not answer: " + redactor.Describe(e));
        }
    }
}
