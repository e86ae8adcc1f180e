using Microsoft.Extensions.Configuration;

namespace Assembly.Bot.Configuration;

public sealed partial record BotSettings
{
    /// <summary>How long a message is tried before it is given up (<c>Sending</c>).</summary>
    public SendingOptions Sending { get; init; } = new();

    private static SendingOptions ReadSending(IConfiguration config) =>
        new(WholeNumber(config, "Sending:GiveUpAfterHours", SendingOptions.DefaultGiveUpAfterHours, 1, 720));
}
