using Telegram.Bot.Types;

namespace Assembly.Bot.Messengers;

/// <summary>A messenger that can push updates to us (Telegram, Bale); the console cannot.</summary>
public interface IWebhookMessenger
{
    /// <summary>Asks the server to post updates to <paramref name="url"/> from now on (it then refuses getUpdates).</summary>
    Task SetWebhookAsync(string url, string secret, int maxConnections, CancellationToken ct);

    /// <summary>Removes a webhook left from an earlier run, so long polling works; pending updates are kept.</summary>
    Task DeleteWebhookAsync(CancellationToken ct);

    /// <summary>An update as the server posted it, in the bot's own terms.</summary>
    InboundUpdate Read(Update update);
}
