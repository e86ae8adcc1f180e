namespace Assembly.Bot.Messengers;

/// <summary>What became of one send, as the outbox needs to know it.</summary>
public abstract record SendOutcome
{
    /// <summary>Delivered; the messenger's id of the new message when there is one.</summary>
    public sealed record Sent(long? MessageId) : SendOutcome;

    /// <summary>429: the server asks us to wait this long before trying again.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SendOutcome;

    /// <summary>403 for this chat only: the member blocked the bot or was deactivated, or the bot was removed from the group.</summary>
    public sealed record Unreachable(string Reason) : SendOutcome;

    /// <summary>5xx, a network error, a timeout: worth trying again after a pause.</summary>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>The server refused this message for good (400 and the like): trying again cannot help.</summary>
    public sealed record Rejected(string Reason) : SendOutcome;

    /// <summary>
    /// 400 "group chat was upgraded to a supergroup chat": nothing was sent; the chat now has the id
    /// <paramref name="NewChatId"/>, where this message and every later one of the chat go.
    /// </summary>
    public sealed record Moved(long NewChatId) : SendOutcome;

    /// <summary>
    /// 400 "message thread not found" (or "TOPIC_DELETED"): the forum topic the message was sent into is not there any
    /// more (staff deleted it); nothing was sent.
    /// </summary>
    public sealed record ThreadGone(string Reason) : SendOutcome;
}
