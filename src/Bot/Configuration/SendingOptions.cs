namespace Assembly.Bot.Configuration;

/// <summary>How long the sender keeps trying a message (<c>Sending</c>).</summary>
/// <param name="GiveUpAfterHours">
/// A message that still cannot be sent this many hours after it was queued (the messenger down, a proxy out) is given
/// up at its next failed try (<c>Sending:GiveUpAfterHours</c>). By age rather than by count: while a messenger is
/// down the sender tries it about once a minute, not each message in turn.
/// </param>
public sealed record SendingOptions(int GiveUpAfterHours = SendingOptions.DefaultGiveUpAfterHours)
{
    public const int DefaultGiveUpAfterHours = 48;

    public TimeSpan GiveUpAfter => TimeSpan.FromHours(GiveUpAfterHours);
}
