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

    /// <summary>Receive by webhook instead of long polling (several instances need it).</summary>
    public WebhookOptions Webhook { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}

/// <summary>The pace of bulk messages. Interactive replies are not paced: only a 429 slows them.</summary>
public sealed class MessengerLimits
{
    public double BulkPerSecond { get; set; }
    public double PerChatPerSecond { get; set; }
    public double PerGroupPerMinute { get; set; }
}

/// <summary>
/// <c>Messengers:&lt;name&gt;:Webhook</c>. The messenger posts each update to <see cref="Url"/>, the public https
/// address (plain http only on a loopback host, for tests) of a reverse proxy that forwards to <c>Http:Urls</c>
/// with the same path. <see cref="Secret"/> proves a request came from the messenger: Telegram sends it in the
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header; Bale has no such header, so for Bale the secret is the last
/// segment of the path (the bot registers <c>Url/Secret</c>), and a request that does not know it finds nothing there.
/// </summary>
public sealed class WebhookOptions
{
    public string? Url { get; set; }

    /// <summary>32 to 256 letters, digits, '_' or '-' (e.g. <c>openssl rand -hex 32</c>). A secret: never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>How many updates the messenger may post at once (Telegram's <c>max_connections</c>, 1–100).</summary>
    public int MaxConnections { get; set; } = 40;

    /// <summary>
    /// How many posted updates may wait for the pipeline at once (1–10000); one more is answered 503 and the messenger
    /// posts it again later. Each waiting update holds its request open, so this bounds memory and connections when
    /// storing falls behind; the default leaves room for several times the most requests Telegram keeps open at once
    /// (<see cref="MaxConnections"/>).
    /// </summary>
    public int MaxQueuedUpdates { get; set; } = 1000;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The path the bot serves this messenger's updates on (for Bale, with the secret as its last segment).</summary>
    public string PathFor(bool secretInPath)
    {
        var path = new Uri(Url!).AbsolutePath.TrimEnd('/');
        return secretInPath ? $"{path}/{Secret}" : path.Length == 0 ? "/" : path;
    }

    /// <summary>The address given to the messenger's setWebhook.</summary>
    public string RegisteredUrlFor(bool secretInPath) => secretInPath ? $"{Url!.TrimEnd('/')}/{Secret}" : Url!;
}
