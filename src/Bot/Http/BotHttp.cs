using Assembly.Bot.Configuration;
using Assembly.Bot.Observability;
using Assembly.Bot.Receiving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Assembly.Bot.Http;

/// <summary>
/// The HTTP side, on only when <c>Http:Urls</c> is set: each messenger's webhook, <c>/healthz</c> and <c>/metrics</c>.
/// Everything else answers 404.
/// </summary>
public static class BotHttp
{
    public const string HealthPath = "/healthz";
    public const string MetricsPath = "/metrics";

    public static void AddBotHttp(this WebApplicationBuilder builder, HttpOptions http)
    {
        builder.WebHost.UseUrls([.. http.Urls]);
        // Request logs would print paths, and Bale's webhook path holds its secret; warnings and errors stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<MessengersHealthCheck>("messengers");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookEndpoint));
        foreach (var receiver in app.Services.GetServices<WebhookReceiver>())
            // Typed as a Func so its IResult is written (a plain lambda would bind as a RequestDelegate and drop it).
            app.MapPost(receiver.Path, (Func<HttpContext, Task<IResult>>)(http => WebhookEndpoint.HandleAsync(http, receiver, logger)))
                .WithDisplayName($"{receiver.Messenger} webhook"); // never the route, which may hold a secret
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
