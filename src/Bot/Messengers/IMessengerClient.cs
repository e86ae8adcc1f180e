using Assembly.Conversations.Commands;
using Assembly.Conversations.Messages;

namespace Assembly.Bot.Messengers;

/// <summary>An update as received: its id, and the message it carries (null for kinds the bot ignores).</summary>
public sealed record InboundUpdate(long UpdateId, IncomingMessage? Message);

/// <summary>
/// One messenger seen through the two things the bot does with it: fetch updates and send messages.
/// Telegram and Bale (both through Telegram.Bot) and the console implement it; their differences stay
/// behind this seam, so flows never learn which messenger a member uses.
/// </summary>
public interface IMessengerClient
{
    /// <summary>The name used in data: <c>telegram</c>, <c>bale</c>, <c>console</c>.</summary>
    string Name { get; }

    /// <summary>Called once before polling starts (e.g. to learn the bot's username). Must not throw for a server that is down.</summary>
    Task StartAsync(CancellationToken ct);

    /// <summary>
    /// Publishes the command menu every chat shows by default (<c>setMyCommands</c>). Never throws: a messenger that
    /// refuses it (Bale's documentation does not list it) is noted once in the log, and the bot goes on without a menu.
    /// </summary>
    Task SetCommandsAsync(IReadOnlyList<MenuEntry> commands, CancellationToken ct);

    Task<IReadOnlyList<InboundUpdate>> GetUpdatesAsync(long offset, int timeoutSeconds, CancellationToken ct);

    /// <summary>Sends one message; never throws for what the server answered, it reports it.</summary>
    Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct);

    /// <summary>
    /// The bytes of a file this messenger holds, to carry it to another messenger (a file id means nothing there).
    /// Null when the messenger will not hand it over (larger than <paramref name="maxBytes"/>, unknown, or no files at
    /// all, as in the console); throws only when the server could not be reached, so the send is tried again.
    /// </summary>
    Task<byte[]?> DownloadAsync(string fileId, long maxBytes, CancellationToken ct) => Task.FromResult<byte[]?>(null);
}
