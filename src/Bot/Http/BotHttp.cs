using Assembly.Bot.Configuration;
using Assembly.Bot.Observability;
using Assembly.Bot.Receiving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

    /// <summary>The host as a web application, configured from the same sources as the plain one.</summary>
    public static IHostApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? overrides, HttpOptions http)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls([.. http.Urls]);
        // Request logs would print paths, and Bale's webhook path holds its secret; warnings and errors stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<MessengersHealthCheck>("messengers");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());
        return builder;
    }

    /// <summary>Builds the web application made by <see cref="CreateBuilder"/> and maps its endpoints.</summary>
    public static IHost Build(IHostApplicationBuilder builder)
    {
        if (builder is not WebApplicationBuilder web)
            throw new ArgumentException($"{builder.GetType().Name} is not a builder made by BotHost.CreateBuilder.", nameof(builder));
        var app = web.Build();
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
