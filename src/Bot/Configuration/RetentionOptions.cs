namespace Assembly.Bot.Configuration;

/// <summary>How long the bot keeps what it no longer needs (<c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const int DefaultOutboxPayloadDays = 30;

    /// <summary>
    /// Days a settled outbox row keeps its text (<c>Retention:OutboxPayloadDays</c>); the row itself, which links a sent
    /// message to its report, stays.
    /// </summary>
    public int OutboxPayloadDays { get; set; } = DefaultOutboxPayloadDays;

    public TimeSpan OutboxPayloadAge => TimeSpan.FromDays(OutboxPayloadDays);
}
