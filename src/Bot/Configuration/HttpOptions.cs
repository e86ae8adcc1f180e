namespace Assembly.Bot.Configuration;

/// <summary>
/// <c>Http:Urls</c>: where the bot listens for webhooks, <c>/healthz</c> and <c>/metrics</c>, as Kestrel takes it
/// (<c>http://127.0.0.1:8080</c>; several separated by ';'). Empty: no HTTP server, which long polling does not
/// need. TLS is the reverse proxy's job: the bot itself speaks plain HTTP.
/// </summary>
public sealed class HttpOptions
{
    public IReadOnlyList<string> Urls { get; set; } = [];

    public bool Enabled => Urls.Count > 0;
}
