using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

// Incoming side: what tests enqueue, and getUpdates / webhook methods that hand it to the bot.
public sealed partial class FakeBotApiServer
{
    // The last message each user sent in private, so an edit refers to a real earlier message.
    private readonly ConcurrentDictionary<long, long> _lastMessageFrom = new();
    // Callback query ids handed out; answerCallbackQuery with any other id is refused, as Telegram does.
    private readonly ConcurrentDictionary<string, byte> _callbackIds = new();
    private long _lastMessageId;
    private int _getUpdatesCalls;

    /// <summary>getUpdates requests received (answered or not).</summary>
    public int GetUpdatesCalls => Volatile.Read(ref _getUpdatesCalls);

    /// <summary>Updates enqueued and not yet confirmed by an offset above them.</summary>
    public int PendingUpdates => _updates.Pending;

    /// <summary>A text from <paramref name="userId"/> in their private chat (chat id = user id).</summary>
    public long EnqueueText(long userId, string text, string? firstName = null)
    {
        _objects.Name(userId, firstName);
        var update = _factory.Text(userId, userId, text);
        _lastMessageFrom[userId] = update["message"]!["message_id"]!.GetValue<long>();
        _authored[(userId, _lastMessageFrom[userId])] = text;
        return _updates.Add(update);
    }

    /// <summary>A text from <paramref name="userId"/> in the group <paramref name="chatId"/>.</summary>
    public long EnqueueGroupText(long chatId, long userId, string text) =>
        _updates.Add(_factory.Text(chatId, userId, text, group: true));

    /// <summary>A press of the inline button carrying <paramref name="data"/> under the bot's message <paramref name="messageId"/>.</summary>
    public long EnqueueCallback(long userId, string data, long messageId) =>
        EnqueueCallback(userId, data, messageId, Sent.LastOrDefault(m => m.MessageId == messageId));

    /// <summary>A press of a button under <paramref name="pressed"/>, given by the caller so no snapshot of every send is taken.</summary>
    public long EnqueueCallback(long userId, string data, SentMessage pressed) =>
        EnqueueCallback(userId, data, pressed.MessageId, pressed);

    private long EnqueueCallback(long userId, string data, long messageId, SentMessage? pressed)
    {
        var (update, callbackId) = _factory.Callback(userId, data, messageId, pressed);
        _callbackIds[callbackId] = 0;
        return _updates.Add(update);
    }

    /// <summary>The user edited a message: by default the last text they sent in private (else a new id).</summary>
    public long EnqueueEdited(long userId, string text, long? messageId = null)
    {
        var id = messageId ?? (_lastMessageFrom.TryGetValue(userId, out var last) ? last : NextMessageId());
        return _updates.Add(_factory.Edited(userId, text, id));
    }

    public long EnqueueSticker(long userId) => _updates.Add(_factory.Sticker(userId));

    /// <summary>
    /// A contact shared from the user's keyboard; <paramref name="ownerId"/> is the contact's own user id (the sender's
    /// own when left out). <paramref name="withoutOwner"/> leaves <c>user_id</c> out, as a messenger may.
    /// </summary>
    public long EnqueueContact(long userId, string phoneNumber, long? ownerId = null, bool withoutOwner = false)
    {
        var message = _factory.Message(userId, userId);
        var contact = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = "contact" };
        if (!withoutOwner) contact["user_id"] = ownerId ?? userId;
        message["contact"] = contact;
        return _updates.Add(new JsonObject { ["message"] = message });
    }

    /// <summary>
    /// A photo (three sizes, as Telegram sends) of <paramref name="fileSize"/> bytes in its largest size; one of an album
    /// when <paramref name="mediaGroupId"/> is given (a string, or a number as one Bale library types it).
    /// </summary>
    /// <param name="fileId">The photo's file id, for a test that makes it downloadable (<see cref="PutFile"/>); else made up.</param>
    public long EnqueuePhoto(long userId, long fileSize = 80_000, JsonNode? mediaGroupId = null, string? caption = null, string? fileId = null)
    {
        var message = _factory.Message(userId, userId);
        if (mediaGroupId is not null) message["media_group_id"] = mediaGroupId.DeepClone();
        if (caption is not null) message["caption"] = caption;
        var id = message["message_id"]!.GetValue<long>();
        _authored[(userId, id)] = caption;
        message["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = $"photo-small-{id}", ["file_unique_id"] = $"ps{id}", ["width"] = 90, ["height"] = 90, ["file_size"] = 1_000 },
            new JsonObject { ["file_id"] = fileId ?? $"photo-{id}", ["file_unique_id"] = $"p{id}", ["width"] = 1280, ["height"] = 960, ["file_size"] = fileSize });
        return _updates.Add(new JsonObject { ["message"] = message });
    }

    /// <summary>A location shared by the user.</summary>
    public long EnqueueLocation(long userId, double latitude = 33.98, double longitude = 51.43)
    {
        var message = _factory.Message(userId, userId);
        message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        return _updates.Add(new JsonObject { ["message"] = message });
    }

    public long EnqueueVoice(long userId) => _updates.Add(_factory.Voice(userId));

    /// <summary><paramref name="byUserId"/> added the bot to the group <paramref name="chatId"/> (my_chat_member, left → member).</summary>
    public long EnqueueBotAddedToGroup(long chatId, long byUserId) => _updates.Add(_factory.BotAdded(chatId, byUserId));

    /// <summary>Any update as given (copied); the fake sets its update_id.</summary>
    public long EnqueueRaw(JsonObject update)
    {
        var copy = update.DeepClone().AsObject();
        // A number (as Bale may write it) is answered by its digits, which is how a client sends it back.
        if (copy["callback_query"]?["id"] is JsonValue id)
            _callbackIds[id.TryGetValue<string>(out var callbackId) ? callbackId : id.ToJsonString()] = 0;
        return _updates.Add(copy);
    }

    /// <summary>
    /// Bale-like: the update comes back with the same id in the next getUpdates, even if it was confirmed.
    /// A bot must recognise it and not act twice.
    /// </summary>
    public void Redeliver(long updateId)
    {
        if (!_updates.Redeliver(updateId))
            throw new ArgumentOutOfRangeException(nameof(updateId), updateId, "No update was enqueued with this id.");
    }

    /// <summary>
    /// Telegram after a week without updates: update ids start again at <paramref name="nextId"/>, below what the bot
    /// has confirmed. The bot must follow the new ids (see <see cref="UpdateQueue.RestartIds"/>).
    /// </summary>
    public void RestartUpdateIds(long nextId) => _updates.RestartIds(nextId);

    private JsonObject GetMe()
    {
        var me = _objects.Bot();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    private async ValueTask<BotReply> GetUpdatesAsync(BotRequest request, CancellationToken aborted)
    {
        Interlocked.Increment(ref _getUpdatesCalls);
        _changed.Raise(); // a wait for the first poll ends at once, not at its next look
        if (Webhook is not null)
            return new BotReply.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        var offset = request.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(request.Long("limit") ?? 100, 1, 100);
        var timeout = _options.IgnoreLongPollTimeout ? 0 : Math.Clamp(request.Long("timeout") ?? 0, 0, 3600);
        var started = TimeProvider.System.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token, ReceivingCut);
        while (true)
        {
            var arrived = _updates.Arrived; // before Take, so an enqueue in between still wakes us
            var batch = _updates.Take(offset, limit);
            var remaining = TimeSpan.FromSeconds(timeout) - TimeProvider.System.GetElapsedTime(started);
            if (batch.Count > 0 || remaining <= TimeSpan.Zero)
                return Updates(batch);
            try
            {
                await arrived.WaitAsync(remaining, TimeProvider.System, stop.Token);
            }
            catch (TimeoutException)
            {
                return Updates(_updates.Take(offset, limit));
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                // An outage cut it; else the fake is stopping: end the poll as an empty one.
                return OutageRefusal("getUpdates") ?? Updates([]);
            }
        }
    }

    private static BotReply Updates(IReadOnlyList<string> batch) => new BotReply.Ok("[" + string.Join(",", batch) + "]");

    private BotReply SetWebhook(BotRequest request)
    {
        var url = request.String("url");
        if (request.Bool("drop_pending_updates"))
            _updates.DropAll();
        if (string.IsNullOrEmpty(url))
        {
            StopWebhook();
            return BotReply.True;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            return new BotReply.Error(400, "Bad Request: bad webhook: invalid URL");
        var secret = request.String("secret_token");
        var connections = (int)Math.Clamp(request.Long("max_connections") ?? 40, 1, 100);
        StartWebhook(new WebhookSettings(address, string.IsNullOrEmpty(secret) ? null : secret, connections));
        return BotReply.True;
    }

    private BotReply DeleteWebhook(BotRequest request)
    {
        StopWebhook();
        if (request.Bool("drop_pending_updates"))
            _updates.DropAll();
        return BotReply.True;
    }

    private BotReply GetWebhookInfo() => BotReply.Result(new JsonObject
    {
        ["url"] = Webhook?.Url.ToString() ?? "",
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = PendingUpdates,
    });
}
