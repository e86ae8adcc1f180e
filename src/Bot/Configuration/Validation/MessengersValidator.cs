using System.Text.RegularExpressions;

namespace Assembly.Bot.Configuration.Validation;

/// <summary><c>Messengers</c>: known names, a token of the right shape, addresses, limits and each webhook.</summary>
public sealed partial class MessengersValidator : SectionValidator<MessengersOptions>
{
    protected override IEnumerable<string> Problems(MessengersOptions messengers)
    {
        foreach (var (key, options) in messengers)
        {
            if (!MessengersOptions.Known.ContainsKey(key))
            {
                yield return $"Messengers:{key} is not a messenger this bot knows; use Messengers:Telegram or Messengers:Bale.";
                continue;
            }

            foreach (var problem in Problems(options, $"Messengers:{MessengersOptions.KeyOf(MessengersOptions.Known[key])}"))
                yield return problem;
        }
    }

    private static IEnumerable<string> Problems(MessengerOptions options, string key)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            yield return $"{key}:BaseUrl must be an absolute http or https address (it is '{options.BaseUrl}').";
        if (options.Enabled && !TokenShape().IsMatch(options.Token!))
            // Never echo the token: it is a secret even when it is wrong.
            yield return $"{key}:Token does not look like a bot token (digits, a colon, then letters, digits, '_' or '-').";
        if (!string.IsNullOrWhiteSpace(options.Proxy)
            && (!Uri.TryCreate(options.Proxy, UriKind.Absolute, out var proxy) || proxy.Scheme is not ("http" or "https" or "socks5" or "socks4" or "socks4a")))
            yield return $"{key}:Proxy must be an http:// or socks5:// address such as 'socks5://127.0.0.1:1080'.";
        if (options.PollTimeoutSeconds is < 0 or > 50)
            yield return $"{key}:PollTimeoutSeconds must be from 0 to 50 (it is {options.PollTimeoutSeconds}).";
        if (options.Limits.BulkPerSecond <= 0)
            yield return $"{key}:Limits:BulkPerSecond must be more than zero.";
        if (options.Limits.PerChatPerSecond <= 0)
            yield return $"{key}:Limits:PerChatPerSecond must be more than zero.";
        if (options.Limits.PerGroupPerMinute <= 0)
            yield return $"{key}:Limits:PerGroupPerMinute must be more than zero.";
        foreach (var problem in Problems(options.Webhook, $"{key}:Webhook"))
            yield return problem;
    }

    private static IEnumerable<string> Problems(WebhookOptions webhook, string key)
    {
        if (!webhook.Enabled) yield break;
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            yield return $"{key}:Url must be the public https address the messenger posts updates to, like 'https://bot.example.org/telegram' (it is '{webhook.Url}').";
            yield break;
        }

        // Over plain http the secret (Telegram's header, Bale's path) and every member's words would cross the network
        // readable; only a loopback address, which never leaves the machine, is let through, for tests.
        if (url.Scheme == "http" && !IsLoopback(url))
            yield return $"{key}:Url must start with https:// (plain http:// only for a loopback host such as 127.0.0.1, ::1 or localhost), like 'https://bot.example.org/telegram' (it is '{webhook.Url}').";
        if (webhook.Secret is null || !WebhookSecret().IsMatch(webhook.Secret))
            // Never echo the secret.
            yield return $"{key}:Secret must be 32 to 256 letters, digits, '_' or '-' (make one with 'openssl rand -hex 32').";
        if (webhook.MaxConnections is < 1 or > 100)
            yield return $"{key}:MaxConnections must be from 1 to 100 (it is {webhook.MaxConnections}).";
        if (webhook.MaxQueuedUpdates is < 1 or > 10000)
            yield return $"{key}:MaxQueuedUpdates must be from 1 to 10000 (it is {webhook.MaxQueuedUpdates}).";
    }

    /// <summary>127.0.0.0/8, ::1 or localhost.</summary>
    private static bool IsLoopback(Uri url) =>
        url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(url.IdnHost, out var address) && System.Net.IPAddress.IsLoopback(address));

    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{32,256}$")]
    private static partial Regex WebhookSecret();
}
