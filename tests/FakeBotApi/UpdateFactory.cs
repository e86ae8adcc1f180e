using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

/// <summary>
/// Builds incoming updates as Telegram sends them (without update_id: the queue assigns it). Message ids
/// come from the server's one counter, shared with sent messages, so every id in a run is distinct.
/// </summary>
internal sealed class UpdateFactory(TelegramObjects objects, TimeProvider time, Func<long> nextMessageId)
{
    private long _lastCallbackId;

    /// <summary>A message from <paramref name="userId"/> in <paramref name="chatId"/>, without content yet.</summary>
    public JsonObject Message(long chatId, long userId, long? messageId = null, bool group = false) => new()
    {
        ["message_id"] = messageId ?? nextMessageId(),
        ["from"] = objects.User(userId),
        // A group is a group whatever the sign of the id the test chose.
        ["chat"] = group ? objects.Group(chatId) : objects.Chat(chatId),
        ["date"] = TelegramObjects.Unix(time.GetUtcNow()),
    };

    public JsonObject Text(long chatId, long userId, string text, bool group = false)
    {
        var message = Message(chatId, userId, group: group);
        message["text"] = text;
        // Telegram marks a leading command with an entity; libraries such as grammY match commands by it.
        if (text.StartsWith('/') && text.Length > 1)
        {
            var end = text.IndexOfAny([' ', '\n']);
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
        }

        return new JsonObject { ["message"] = message };
    }

    public JsonObject Edited(long userId, string text, long messageId)
    {
        var message = Message(userId, userId, messageId);
        message["edit_date"] = message["date"]!.GetValue<long>();
        message["text"] = text;
        return new JsonObject { ["edited_message"] = message };
    }

    public JsonObject Sticker(long userId)
    {
        var message = Message(userId, userId);
        message["sticker"] = new JsonObject
        {
            ["file_id"] = "CAACAgIAAxkBAAEFake" + message["message_id"],
            ["file_unique_id"] = "AgADFake" + message["message_id"],
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = "👍",
        };
        return new JsonObject { ["message"] = message };
    }

    public JsonObject Voice(long userId)
    {
        var message = Message(userId, userId);
        message["voice"] = new JsonObject
        {
            ["file_id"] = "AwACAgIAAxkBAAEFake" + message["message_id"],
            ["file_unique_id"] = "AgADVoice" + message["message_id"],
            ["duration"] = 3,
            ["mime_type"] = "audio/ogg",
            ["file_size"] = 12_345,
        };
        return new JsonObject { ["message"] = message };
    }

    /// <summary>
    /// A button press on the bot's message <paramref name="messageId"/>; when that message was sent through
    /// the fake, its text and keyboard are shown as Telegram would.
    /// </summary>
    public (JsonObject Update, string CallbackId) Callback(long userId, string data, long messageId, SentMessage? pressed)
    {
        var id = (4_300_000_000_000_000_000L + Interlocked.Increment(ref _lastCallbackId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = objects.Bot(),
            ["chat"] = objects.Chat(pressed?.ChatId ?? userId),
            ["date"] = TelegramObjects.Unix(pressed?.At ?? time.GetUtcNow()),
        };
        if (pressed?.Text is { } text)
            message["text"] = text;
        if (pressed?.ThreadId is { } thread && pressed.Method != "createForumTopic")
        {
            message["message_thread_id"] = thread;
            message["is_topic_message"] = true;
        }
        if (pressed?.ReplyMarkupJson is { } markup && JsonNode.Parse(markup) is JsonObject keyboard && keyboard.ContainsKey("inline_keyboard"))
            message["reply_markup"] = keyboard;
        var update = new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = id,
                ["from"] = objects.User(userId),
                ["message"] = message,
                ["chat_instance"] = "-" + (userId * 7919 % 1_000_000_007),
                ["data"] = data,
            },
        };
        return (update, id);
    }

    /// <summary>The bot was added to a group: a my_chat_member update from left to member.</summary>
    public JsonObject BotAdded(long chatId, long byUserId) => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = objects.Group(chatId),
            ["from"] = objects.User(byUserId),
            ["date"] = TelegramObjects.Unix(time.GetUtcNow()),
            ["old_chat_member"] = new JsonObject { ["status"] = "left", ["user"] = objects.Bot() },
            ["new_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = objects.Bot() },
        },
    };
}
