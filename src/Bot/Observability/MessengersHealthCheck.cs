using Assembly.Bot.Messengers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assembly.Bot.Observability;

/// <summary>
/// Each messenger's last call that got an answer, its last failure, and since when it has not answered (the first
/// failure after its last answer: how long an outage has lasted, while the sender holds the messages back). Unhealthy
/// when a messenger's latest call failed and none has been answered for <see cref="Grace"/>: a single failure is
/// normal on the internet, and an idle bot in webhook mode may rightly make no call for hours.
/// </summary>
public sealed class MessengersHealthCheck(IEnumerable<IMessengerClient> messengers, MessengerCalls calls, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object>();
        var failing = new List<string>();
        foreach (var messenger in messengers)
        {
            var state = calls.Of(messenger.Name);
            data[messenger.Name] = new Dictionary<string, object?>
            {
                ["lastAnswer"] = state.LastAnswer,
                ["lastFailure"] = state.LastFailure,
                ["lastError"] = state.LastError,
                ["unreachableSince"] = state.UnreachableSince,
            };
            var failedLast = state.LastFailure is { } failure && (state.LastAnswer is not { } answer || failure > answer);
            if (failedLast && (state.LastAnswer is not { } last || now - last > Grace))
                failing.Add(state.UnreachableSince is { } since
                    ? $"{messenger.Name} since {since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC"
                    : messenger.Name);
        }

        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy("every messenger answers", data)
            : HealthCheckResult.Unhealthy($"no answer from {string.Join(", ", failing)} (more than {Grace.TotalMinutes} minutes)", data: data));
    }
}
