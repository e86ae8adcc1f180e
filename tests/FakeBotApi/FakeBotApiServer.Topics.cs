using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

// Forum topics, as Telegram documents them: getChat's is_forum, createForumTopic, closeForumTopic, reopenForumTopic,
// message_thread_id on sends and on messages written in a topic, copyMessage and setMessageReaction.
public sealed partial class FakeBotApiServer
{
    // Per forum: its topics, open or closed. Under _lock.
    private readonly Dictionary<(long ChatId, long Thread), bool> _topics = [];
    private readonly List<(long ChatId, long MessageId, string Emoji)> _reactions = [];

    /// <summary>The chat is a supergroup with topics enabled: getChat says <c>is_forum</c>, and topics can be opened in it.</summary>
    public void MakeForum(long chatId) => _objects.Forums[chatId] = 0;

    /// <summary>The topics opened in <paramref name="chatId"/> (createForumTopic), in order.</summary>
    public IReadOnlyList<SentMessage> TopicsIn(long chatId) =>
        SentTo(chatId).Where(m => m.Method == "createForumTopic").ToList();

    /// <summary>Whether the topic is closed now.</summary>
    public bool TopicClosed(long chatId, long thread)
    {
        lock (_lock)
            return _topics.TryGetValue((chatId, thread), out var open) && !open;
    }

    /// <summary>Reactions the bot set (setMessageReaction), in order.</summary>
    public IReadOnlyList<(long ChatId, long MessageId, string Emoji)> Reactions
    {
        get { lock (_lock) return _reactions.ToArray(); }
    }

    /// <summary>
    /// A text written in a forum topic; returns the message's id (the update's is not needed to find it again). Like Telegram, a message in a topic that replies to nothing comes as a reply
    /// to the topic's first (service) message, whose id is the topic's.
    /// </summary>
    public long EnqueueTopicText(long chatId, long thread, long userId, string text, long? replyTo = null)
    {
        var update = _factory.Text(chatId, userId, text, group: true);
        var message = (JsonObject)update["message"]!;
        message["message_thread_id"] = thread;
        message["is_topic_message"] = true;
        message["reply_to_message"] = replyTo is { } to
            ? new JsonObject { ["message_id"] = to, ["from"] = _objects.Bot(), ["chat"] = _objects.Group(chatId), ["date"] = message["date"]!.GetValue<long>(),
                ["message_thread_id"] = thread, ["is_topic_message"] = true, ["text"] = "…" }
            : new JsonObject { ["message_id"] = thread, ["from"] = _objects.Bot(), ["chat"] = _objects.Group(chatId), ["date"] = message["date"]!.GetValue<long>(),
                ["message_thread_id"] = thread, ["forum_topic_created"] = new JsonObject { ["name"] = "topic", ["icon_color"] = 7322096 } };
        _updates.Add(update);
        return message["message_id"]!.GetValue<long>();
    }

    /// <summary>
    /// Staff deleted the topic, as Telegram lets them: it is gone with its messages, so a send into it answers 400 "Bad
    /// Request: message thread not found" and an edit of a message that was in it "message to edit not found".
    /// </summary>
    public void DeleteTopic(long chatId, long thread)
    {
        lock (_lock)
        {
            _topics.Remove((chatId, thread));
            foreach (var sent in _sent.Where(m => m.ChatId == chatId && m.ThreadId == thread))
                _deleted.Add((chatId, sent.MessageId));
        }
    }

    /// <summary>
    /// A text the member deletes at once, before the bot copies it: the update comes, and copyMessage of it answers 400
    /// "Bad Request: message to copy not found", as Telegram does for a message that is gone.
    /// </summary>
    public long EnqueueDeletedText(long userId, string text)
    {
        var update = _factory.Text(userId, userId, text);
        _lastMessageFrom[userId] = update["message"]!["message_id"]!.GetValue<long>();
        return _updates.Add(update);
    }

    // What users sent in their private chats (text or caption), for copyMessage.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long ChatId, long MessageId), string?> _authored = new();

    /// <summary>copyMessage: recorded with the copied text (or caption) as its text; answers the new MessageId.</summary>
    private BotReply CopyMessage(BotRequest request)
    {
        var chatId = ChatId(request);
        var from = request.Long("from_chat_id") ?? throw new BadRequestException("chat not found");
        var messageId = request.Long("message_id") ?? throw new BadRequestException("message identifier is not specified");
        if (!_authored.TryGetValue((from, messageId), out var text))
            throw new BadRequestException("message to copy not found");
        var thread = request.Long("message_thread_id");
        if (thread is { } topic)
            CheckThread(chatId, topic);
        SentMessage? sent = null;
        var refused = Gate(chatId, () => sent = RecordSent(NextMessageId(), chatId, "copyMessage", text, null, null, thread));
        if (refused is not null)
            return refused;
        MessageSent?.Invoke(sent!);
        return BotReply.Result(new JsonObject { ["message_id"] = sent!.MessageId });
    }

    private BotReply GetChat(BotRequest request)
    {
        var chatId = ChatId(request);
        // A group that became a supergroup answers any request with its new id, as a send does.
        lock (_lock)
            if (_upgradedGroups.TryGetValue(chatId, out var upgraded))
                return new BotReply.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", MigrateToChatId: upgraded);
        var chat = _objects.Chat(chatId);
        // ChatFullInfo's fields that are always there.
        chat["accent_color_id"] = 0;
        chat["max_reaction_count"] = 11;
        chat["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false, ["limited_gifts"] = false, ["unique_gifts"] = false, ["premium_subscription"] = false,
        };
        return BotReply.Result(chat);
    }

    private BotReply CreateForumTopic(BotRequest request)
    {
        var chatId = ChatId(request);
        if (!_objects.Forums.ContainsKey(chatId))
            throw new BadRequestException("the chat is not a forum");
        var name = request.String("name");
        if (string.IsNullOrEmpty(name) || name.Length > 128)
            throw new BadRequestException("TOPIC_NAME_INVALID");
        SentMessage? sent = null;
        // The topic's id is the id of the service message that opens it.
        var refused = Gate(chatId, () =>
        {
            var id = NextMessageId();
            sent = RecordSent(id, chatId, "createForumTopic", name, null, null, id);
            _topics[(chatId, id)] = true;
        });
        if (refused is not null)
            return refused;
        MessageSent?.Invoke(sent!);
        return BotReply.Result(new JsonObject { ["message_thread_id"] = sent!.MessageId, ["name"] = name, ["icon_color"] = 7322096 });
    }

    private BotReply SetTopicOpen(BotRequest request, bool open)
    {
        var chatId = ChatId(request);
        var thread = request.Long("message_thread_id") ?? throw new BadRequestException("message thread not found");
        lock (_lock)
        {
            if (!_topics.TryGetValue((chatId, thread), out var now))
                throw new BadRequestException("message thread not found");
            if (now == open)
                throw new BadRequestException("TOPIC_NOT_MODIFIED");
        }

        var refused = Gate(chatId, () =>
        {
            _topics[(chatId, thread)] = open;
            RecordSent(thread, chatId, open ? "reopenForumTopic" : "closeForumTopic", null, null, null, thread);
        });
        return refused ?? BotReply.True;
    }

    private BotReply SetMessageReaction(BotRequest request)
    {
        var chatId = ChatId(request);
        var messageId = request.Long("message_id") ?? throw new BadRequestException("message identifier is not specified");
        var emoji = request.Array("reaction", "can't parse reaction types JSON object")?.OfType<JsonObject>()
            .Select(r => r["emoji"]?.GetValue<string>()).FirstOrDefault(e => e is not null) ?? "";
        var refused = Gate(chatId, () => _reactions.Add((chatId, messageId, emoji)), rateLimited: false);
        return refused ?? BotReply.True;
    }

    /// <summary>A send with message_thread_id: only into a topic of a forum, as Telegram checks it.</summary>
    private void CheckThread(long chatId, long thread)
    {
        lock (_lock)
            if (!_topics.ContainsKey((chatId, thread)))
                throw new BadRequestException("message thread not found");
    }

    /// <summary>The sent message says which topic it is in, as Telegram's Message does.</summary>
    private static void ThreadOf(SentMessage sent, JsonObject message)
    {
        if (sent.ThreadId is not { } thread) return;
        message["message_thread_id"] = thread;
        message["is_topic_message"] = true;
    }
}
