namespace Assembly.FakeBotApi;

/// <summary>
/// How the fake behaves. The defaults look like Telegram; set <see cref="IgnoreLongPollTimeout"/> and
/// <see cref="ChatTypeForGroups"/> = "group" to look like Bale.
/// </summary>
public sealed class FakeBotApiOptions
{
    /// <summary>The only token accepted in <c>/bot{token}/{method}</c>; any other answers 401.</summary>
    public string Token { get; set; } = "123456:TEST-token_abc";

    public string BotUsername { get; set; } = "assembly_test_bot";

    public string BotFirstName { get; set; } = "Assembly Test Bot";

    public long BotId { get; set; } = 123456;

    /// <summary>
    /// Bale answers getUpdates at once, with nothing, even when asked to wait: a bot that relies on the
    /// long poll to pace itself spins. True reproduces that.
    /// </summary>
    public bool IgnoreLongPollTimeout { get; set; }

    /// <summary>
    /// setMyCommands answers 404 "method not found" and records nothing: a messenger without a command menu, as Bale
    /// may be (its documentation does not list the method).
    /// </summary>
    public bool RefuseSetMyCommands { get; set; }

    /// <summary>The chat type of groups in updates and answers: Telegram says "supergroup", Bale "group".</summary>
    public string ChatTypeForGroups { get; set; } = "supergroup";

    /// <summary>
    /// Sends accepted in any trailing second, all chats together (Telegram: about 30). Null: unlimited.
    /// Below 1 it means one send per 1/rate seconds. A send over the limit gets 429, retry_after 1, and has no effect.
    /// </summary>
    public double? GlobalSendsPerSecond { get; set; }

    /// <summary>The same limit, counted per chat (Telegram: about 1 per second in a private chat).</summary>
    public double? PerChatSendsPerSecond { get; set; }

    /// <summary>
    /// How long each request other than getUpdates waits before it is handled (a network and a server that take
    /// their time, differently each time), so requests sent close together may take effect in another order than
    /// they were sent: what a bot must not rely on. Null: at once.
    /// </summary>
    public Func<TimeSpan>? Latency { get; set; }

    /// <summary>
    /// The clock for message dates, <see cref="SentMessage.At"/> stamps and the rate windows. Waits (long poll,
    /// <see cref="FakeBotApiServer.WaitUntilAsync"/>) always use real time: real sockets are waiting on them.
    /// </summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
