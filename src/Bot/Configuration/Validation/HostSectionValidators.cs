using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Configuration.Validation;

/// <summary><c>Pipeline:Lanes</c>.</summary>
public sealed class PipelineValidator : SectionValidator<PipelineOptions>
{
    protected override IEnumerable<string> Problems(PipelineOptions options)
    {
        if (options.Lanes is < 1 or > 64)
            yield return $"Pipeline:Lanes must be a whole number from 1 to 64 (it is '{options.Lanes}').";
    }
}

/// <summary><c>Instances:LeaseSeconds</c>.</summary>
public sealed class InstancesValidator : SectionValidator<InstanceOptions>
{
    protected override IEnumerable<string> Problems(InstanceOptions options)
    {
        if (options.LeaseSeconds is < 3 or > 600)
            yield return $"Instances:LeaseSeconds must be a whole number from 3 to 600 (it is '{options.LeaseSeconds}').";
    }
}

/// <summary><c>Scheduler:IntervalSeconds</c>.</summary>
public sealed class SchedulerValidator : SectionValidator<SchedulerOptions>
{
    protected override IEnumerable<string> Problems(SchedulerOptions options)
    {
        if (options.IntervalSeconds is < 1 or > 3600)
            yield return $"Scheduler:IntervalSeconds must be a whole number from 1 to 3600 (it is '{options.IntervalSeconds}').";
    }
}

/// <summary><c>Retention:OutboxPayloadDays</c>.</summary>
public sealed class RetentionValidator : SectionValidator<RetentionOptions>
{
    protected override IEnumerable<string> Problems(RetentionOptions options)
    {
        if (options.OutboxPayloadDays is < 1 or > 3650)
            yield return $"Retention:OutboxPayloadDays must be a whole number from 1 to 3650 (it is '{options.OutboxPayloadDays}').";
    }
}

/// <summary><c>Sending:GiveUpAfterHours</c>.</summary>
public sealed class SendingValidator : SectionValidator<SendingOptions>
{
    protected override IEnumerable<string> Problems(SendingOptions options)
    {
        if (options.GiveUpAfterHours is < 1 or > 720)
            yield return $"Sending:GiveUpAfterHours must be a whole number from 1 to 720 (it is '{options.GiveUpAfterHours}').";
    }
}

/// <summary><c>Http:Urls</c>: listening addresses; a messenger on a webhook needs one, and two may not share a path.</summary>
public sealed partial class HttpValidator(IOptions<MessengersOptions> messengers) : SectionValidator<HttpOptions>
{
    protected override IEnumerable<string> Problems(HttpOptions http)
    {
        foreach (var url in http.Urls)
            if (!ListenAddress().IsMatch(url))
                yield return $"Http:Urls must be addresses like 'http://127.0.0.1:8080' or 'http://0.0.0.0:8080', separated by ';' (it has '{url}').";

        var withWebhook = messengers.Value.Enabled.Where(m => m.Value.Webhook.Enabled).ToList();
        if (withWebhook.Count > 0 && !http.Enabled)
            yield return $"Http:Urls is empty, but Messengers:{MessengersOptions.KeyOf(withWebhook[0].Key)}:Webhook:Url is set; give the address to listen on, e.g. 'http://127.0.0.1:8080'.";
        var paths = withWebhook.GroupBy(m => m.Value.Webhook.PathFor(secretInPath: false), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (paths is not null)
            yield return $"Messengers:Telegram:Webhook:Url and Messengers:Bale:Webhook:Url have the same path '{paths.Key}'; give each messenger its own.";
    }

    [GeneratedRegex(@"^https?://[^/:]+:\d{1,5}/?$")]
    private static partial Regex ListenAddress();
}
