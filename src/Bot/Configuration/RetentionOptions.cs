namespace Assembly.Bot.Configuration;

/// <summary>How long the bot keeps what it no longer needs (<c>Retention</c>).</summary>
/// <param name="OutboxPayloadDays">
/// Days a settled outbox row keeps its text (<c>Retention:OutboxPayloadDays</c>); the row itself, which links a sent
/// message to its report, stays.
/// </param>
public sealed record RetentionOptions(int OutboxPayloadDays = RetentionOptions.DefaultOutboxPayloadDays)
{
    public const int DefaultOutboxPayloadDays = 30;

    public TimeSpan OutboxPayloadAge => TimeSpan.FromDays(OutboxPayloadDays);
}
