namespace Assembly.FakeBotApi;

/// <summary>
/// One send that took effect (sendMessage, editMessageText, sendPhoto, sendDocument). <see cref="Text"/> is
/// the caption for media; <see cref="ReplyMarkupJson"/> is compact JSON with non-ASCII letters unescaped,
/// so tests can look for button labels in it. <see cref="ThreadId"/> is the forum topic it went into
/// (<c>message_thread_id</c>), or the topic a topic method acted on.
/// </summary>
public sealed record SentMessage(
    long MessageId,
    long ChatId,
    string Method,
    string? Text,
    string? ReplyMarkupJson,
    long? ReplyToMessageId,
    DateTimeOffset At,
    long? ThreadId = null);
