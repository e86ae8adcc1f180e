using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

public sealed partial class FakeBotApiServer
{
    /// <summary>
    /// A text the user wrote with the messenger's «reply» on the bot's message <paramref name="repliedTo"/> in their
    /// private chat: the update carries that message as <c>reply_to_message</c>, from the bot, as Telegram sends it.
    /// </summary>
    public long EnqueueReply(long userId, string text, SentMessage repliedTo)
    {
        var update = _factory.Text(userId, userId, text);
        var message = update["message"]!.AsObject();
        var original = new JsonObject
        {
            ["message_id"] = repliedTo.MessageId,
            ["from"] = _objects.Bot(),
            ["chat"] = _objects.Chat(repliedTo.ChatId),
            ["date"] = TelegramObjects.Unix(repliedTo.At),
        };
        if (repliedTo.Text is { } said) original["text"] = said;
        message["reply_to_message"] = original;
        return _updates.Add(update);
    }
}
