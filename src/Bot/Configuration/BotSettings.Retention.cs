using Microsoft.Extensions.Configuration;

namespace Assembly.Bot.Configuration;

public sealed partial record BotSettings
{
    /// <summary>How long sent messages keep their text (<c>Retention</c>).</summary>
    public RetentionOptions Retention { get; init; } = new();

    private static RetentionOptions ReadRetention(IConfiguration config) =>
        new(WholeNumber(config, "Retention:OutboxPayloadDays", RetentionOptions.DefaultOutboxPayloadDays, 1, 3650));
}
