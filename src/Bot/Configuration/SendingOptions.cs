namespace Assembly.Bot.Configuration;

/// <summary>How long the sender keeps trying a message (<c>Sending</c>).</summary>
public sealed class SendingOptions
{
    public const int DefaultGiveUpAfterHours = 48;

    /// <summary>
    /// A message that still cannot be sent this many hours after it was queued (the messenger down, a proxy out) is given
    /// up at its next failed try (<c>Sending:GiveUpAfterHours</c>). By age rather than by count: while a messenger is
    /// down the sender tries it about once a minute, not each message in turn.
    /// </summary>
    public int GiveUpAfterHours { get; set; } = DefaultGiveUpAfterHours;

    public TimeSpan GiveUpAfter => TimeSpan.FromHours(GiveUpAfterHours);
}
