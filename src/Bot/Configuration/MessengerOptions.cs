namespace Assembly.Bot.Configuration;

/// <summary>One messenger's settings (<c>Messengers:&lt;name&gt;</c>). No token means the messenger is off.</summary>
public sealed class MessengerOptions
{
    /// <summary>The bot token. A secret: never logged, never shown.</summary>
    public string? Token { get; set; }
    public string BaseUrl { get; set; } = "";

    /// <summary>Optional <c>http://</c> or <c>socks5://</c> proxy (Telegram from inside Iran). Bale is reached directly.</summary>
    public string? Proxy { get; set; }

    /// <summary>How long the server may hold a getUpdates call open when it has nothing.</summary>
    public int PollTimeoutSeconds { get; set; }

    public MessengerLimits Limits { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}

/// <summary>The pace of bulk messages. Interactive replies are not paced: only a 429 slows them.</summary>
public sealed class MessengerLimits
{
    public double BulkPerSecond { get; set; }
    public double PerChatPerSecond { get; set; }
    public double PerGroupPerMinute { get; set; }
}
