using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Assembly.FakeBotApi;

// Outgoing side: the methods by which the bot sends, with Telegram's checks, fault injection and flood control.
public sealed partial class FakeBotApiServer
{
    private const string Blocked = "Forbidden: bot was blocked by the user";

    private const string BadGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    // One lock for the faults, the blocked chats, the rate windows and the records, so a send is refused
    // or recorded atomically.
    private readonly Lock _lock = new();
    private readonly Queue<Fault> _faults = new();
    private readonly HashSet<long> _blockedChats = [];
    private readonly HashSet<(long ChatId, long MessageId)> _deleted = [];
    private readonly Dictionary<long, long> _upgradedGroups = [];
    private readonly Dictionary<long, (int Code, string Description)> _refusingChats = [];
    private readonly SendRateLimiter _limiter;
    private readonly List<SentMessage> _sent = [];
    private readonly List<UploadedFile> _uploads = [];
    private readonly List<CallbackAnswer> _answers = [];
    private int _tooManyRequests;

    /// <summary>The next send requests (any chat, any sending method) fail with these, in order, one each.</summary>
    public void FailNext(params Fault[] faults)
    {
        lock (_lock)
            foreach (var fault in faults)
                _faults.Enqueue(fault);
    }

    /// <summary>Every later send to this chat answers 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockChat(long chatId)
    {
        lock (_lock)
            _blockedChats.Add(chatId);
    }

    /// <summary>
    /// The group was upgraded to a supergroup: every later send to <paramref name="chatId"/> answers 400 "group chat
    /// was upgraded to a supergroup chat" with <c>parameters.migrate_to_chat_id</c> = <paramref name="newChatId"/>.
    /// </summary>
    public void UpgradeGroup(long chatId, long newChatId)
    {
        lock (_lock)
            _upgradedGroups[chatId] = newChatId;
    }

    /// <summary>Every later send to this chat is refused with this error ("Bad Request: chat not found", say).</summary>
    public void RefuseChat(long chatId, int code, string description)
    {
        lock (_lock)
            _refusingChats[chatId] = (code, description);
    }

    /// <summary>Somebody deleted the bot's message: an edit of it answers 400 "message to edit not found" from now on.</summary>
    public void DeleteMessage(long chatId, long messageId)
    {
        lock (_lock)
            _deleted.Add((chatId, messageId));
    }

    public void UnblockChat(long chatId)
    {
        lock (_lock)
            _blockedChats.Remove(chatId);
    }

    /// <summary>
    /// Raised on the request's thread after every send that took effect, outside the lock: for a driver that
    /// reacts to each reply (a simulated member answering the bot's question) without copying <see cref="Sent"/>.
    /// </summary>
    public event Action<SentMessage>? MessageSent;

    /// <summary>429 answers given, whether from <see cref="Fault.TooManyRequests"/> or from the rate limits.</summary>
    public int TooManyRequestsAnswered => Volatile.Read(ref _tooManyRequests);

    private BotReply SendMessage(BotRequest request)
    {
        var chatId = ChatId(request);
        var text = Text(request, "text", 4096, "message text is empty", "message is too long");
        var markup = ReplyMarkup(request);
        var replyTo = ReplyTo(request);
        return Send("sendMessage", chatId, text, markup, replyTo, (sent, message) =>
        {
            ThreadOf(sent, message);
            message["text"] = text;
            if (replyTo is { } to)
                message["reply_to_message"] = new JsonObject { ["message_id"] = to, ["chat"] = _objects.Chat(chatId), ["date"] = message["date"]!.GetValue<long>() };
        }, thread: request.Long("message_thread_id"));
    }

    private BotReply EditMessageText(BotRequest request)
    {
        var text = Text(request, "text", 4096, "message text is empty", "message is too long");
        var markup = ReplyMarkup(request);
        if (request.String("inline_message_id") is { Length: > 0 })
            return Gate(null, () => RecordSent(0, 0, "editMessageText", text, markup, null)) ?? BotReply.True;
        var chatId = ChatId(request);
        var messageId = request.Long("message_id") ?? throw new BadRequestException("message identifier is not specified");
        // As Telegram: only a message that is there can be edited, and an edit must change something.
        SentMessage? current;
        lock (_lock)
            current = _deleted.Contains((chatId, messageId)) ? null : _sent.LastOrDefault(m => m.ChatId == chatId && m.MessageId == messageId);
        if (current is null && !_upgradedGroups.ContainsKey(chatId))
            throw new BadRequestException("message to edit not found");
        if (current is not null && current.Text == text && current.ReplyMarkupJson == markup)
            throw new BadRequestException(
                "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        return Send("editMessageText", chatId, text, markup, null, (sent, message) =>
        {
            ThreadOf(sent, message);
            message["edit_date"] = message["date"]!.GetValue<long>();
            message["text"] = text;
        }, messageId, current?.ThreadId);
    }

    /// <summary>sendPhoto / sendDocument / sendVoice / sendAudio / sendVideo: the file is an upload (multipart) or a file_id / URL string.</summary>
    private BotReply SendMedia(BotRequest request, string method, string field)
    {
        var chatId = ChatId(request);
        var file = request.File(field) ?? throw new BadRequestException($"there is no {field} in the request");
        var caption = request.Has("caption") ? Text(request, "caption", 1024, "", "message caption is too long") : null;
        var markup = ReplyMarkup(request);
        return Send(method, chatId, caption, markup, ReplyTo(request), (sent, message) =>
        {
            ThreadOf(sent, message);
            var fileId = "AgACAgIAAxkBAAEFake" + sent.MessageId;
            message[field] = field == "photo"
                ? new JsonArray(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "AQADFake" + sent.MessageId, ["width"] = 90, ["height"] = 90, ["file_size"] = 1234 })
                : new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "AgADFake" + sent.MessageId, ["file_name"] = Path.GetFileName(file), ["file_size"] = 1234 };
            if (caption is not null)
                message["caption"] = caption;
            if (request.Upload(field) is { } bytes)
                lock (_lock) _uploads.Add(new UploadedFile(sent.MessageId, chatId, method, Path.GetFileName(file), bytes));
        }, thread: request.Long("message_thread_id"));
    }

    /// <summary>sendLocation: recorded with «latitude,longitude» as its text, so a test can read where it pointed.</summary>
    private BotReply SendLocation(BotRequest request)
    {
        var chatId = ChatId(request);
        var latitude = request.Double("latitude") ?? throw new BadRequestException("latitude is empty");
        var longitude = request.Double("longitude") ?? throw new BadRequestException("longitude is empty");
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180) throw new BadRequestException("wrong latitude or longitude");
        var where = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{latitude},{longitude}");
        return Send("sendLocation", chatId, where, ReplyMarkup(request), ReplyTo(request), (sent, message) =>
        {
            ThreadOf(sent, message);
            message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        }, thread: request.Long("message_thread_id"));
    }

    private BotReply AnswerCallbackQuery(BotRequest request)
    {
        var id = request.String("callback_query_id");
        if (string.IsNullOrEmpty(id) || !_callbackIds.ContainsKey(id))
            throw new BadRequestException("query is too old and response timeout expired or query ID is invalid");
        var text = request.String("text");
        var showAlert = request.Bool("show_alert");
        // No chat and not counted by the rate limits: Telegram's flood control is about messages.
        return Gate(null, () => _answers.Add(new CallbackAnswer(id, text, showAlert, _options.Time.GetUtcNow())), rateLimited: false) ?? BotReply.True;
    }

    /// <summary>Faults, blocks and limits first; if none refuses, records the send and answers the Message.</summary>
    private BotReply Send(string method, long chatId, string? text, string? markup, long? replyTo,
        Action<SentMessage, JsonObject> fill, long? existingMessageId = null, long? thread = null)
    {
        if (thread is { } topic)
            CheckThread(chatId, topic);
        SentMessage? sent = null;
        var refused = Gate(chatId, () => sent = RecordSent(existingMessageId ?? NextMessageId(), chatId, method, text, markup, replyTo, thread));
        if (refused is not null)
            return refused;
        MessageSent?.Invoke(sent!);
        var message = new JsonObject
        {
            ["message_id"] = sent!.MessageId,
            ["from"] = _objects.Bot(),
            ["chat"] = _objects.Chat(chatId),
            ["date"] = TelegramObjects.Unix(sent.At),
        };
        if (markup is not null && JsonNode.Parse(markup) is JsonObject keyboard && keyboard.ContainsKey("inline_keyboard"))
            message["reply_markup"] = keyboard; // Telegram echoes inline keyboards only
        fill(sent, message);
        return BotReply.Result(message);
    }

    /// <summary>Runs <paramref name="record"/> under the lock unless a fault, a block or a limit refuses the send.</summary>
    private BotReply? Gate(long? chatId, Action record, bool rateLimited = true)
    {
        BotReply? refusal;
        lock (_lock)
        {
            refusal = _faults.TryDequeue(out var fault) ? Refusal(fault)
                : chatId is { } chat && _blockedChats.Contains(chat) ? new BotReply.Error(403, Blocked)
                : chatId is { } old && _upgradedGroups.TryGetValue(old, out var upgraded)
                    ? new BotReply.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", MigrateToChatId: upgraded)
                : chatId is { } refusing && _refusingChats.TryGetValue(refusing, out var refused) ? new BotReply.Error(refused.Code, refused.Description)
                : rateLimited && _limiter.TryAcquire(chatId, _options.Time.GetUtcNow()) is { } retryAfter
                    ? new BotReply.Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter)
                : null;
            if (refusal is null)
                record();
        }
        if (refusal is BotReply.Error { Code: 429 })
            Interlocked.Increment(ref _tooManyRequests);
        if (refusal is null)
            _changed.Raise();
        return refusal;
    }

    private static BotReply Refusal(Fault fault) => fault switch
    {
        Fault.TooManyRequests t => new BotReply.Error(429, $"Too Many Requests: retry after {t.RetryAfterSeconds}", t.RetryAfterSeconds),
        Fault.ServerError e => new BotReply.Error(e.Status, ReasonPhrases.GetReasonPhrase(e.Status) is { Length: > 0 } phrase ? phrase : "Internal Server Error"),
        Fault.BadGateway => new BotReply.Html(502, BadGatewayPage),
        Fault.Forbidden => new BotReply.Error(403, Blocked),
        Fault.DropConnection => new BotReply.Abort(),
        Fault.Refused r => new BotReply.Error(r.Code, r.Description),
        _ => throw new InvalidOperationException("Unknown fault " + fault),
    };

    // Called under _lock.
    private SentMessage RecordSent(long messageId, long chatId, string method, string? text, string? markup, long? replyTo, long? thread = null)
    {
        var sent = new SentMessage(messageId, chatId, method, text, markup, replyTo, _options.Time.GetUtcNow(), thread);
        _sent.Add(sent);
        return sent;
    }

    /// <summary>chat_id as a number: "@channel" names are not supported by the fake (nor used by the bot).</summary>
    private static long ChatId(BotRequest request) =>
        request.Long("chat_id") ?? throw new BadRequestException(request.Has("chat_id") ? "chat not found" : "chat_id is empty");

    /// <summary>The message replied to: reply_parameters.message_id (Telegram today) or reply_to_message_id (older, and Bale).</summary>
    private static long? ReplyTo(BotRequest request) =>
        request.Object("reply_parameters", "can't parse reply parameters JSON object")?["message_id"] is JsonValue v && v.TryGetValue<long>(out var id)
            ? id
            : request.Long("reply_to_message_id");

    private static string Text(BotRequest request, string name, int maxLength, string empty, string tooLong)
    {
        var text = request.String(name);
        if (string.IsNullOrEmpty(text) && empty.Length > 0)
            throw new BadRequestException(empty);
        if (text?.Length > maxLength)
            throw new BadRequestException(tooLong);
        return text ?? "";
    }

    /// <summary>
    /// reply_markup as compact JSON, after Telegram's check that callback_data is 1 to 64 bytes: the bot must
    /// keep its button data short, and here it learns it in a test rather than in production.
    /// </summary>
    private static string? ReplyMarkup(BotRequest request)
    {
        var markup = request.Object("reply_markup", "can't parse reply keyboard markup JSON object");
        if (markup?["inline_keyboard"] is JsonArray rows)
            foreach (var button in rows.OfType<JsonArray>().SelectMany(row => row))
                if (button?["callback_data"] is JsonValue data && data.TryGetValue<string>(out var value)
                    && Encoding.UTF8.GetByteCount(value) is < 1 or > 64)
                    throw new BadRequestException("BUTTON_DATA_INVALID");
        return markup?.ToJsonString(BotReply.Json);
    }
}
