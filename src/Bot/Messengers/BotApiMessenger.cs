using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assembly.Bot.Configuration;
using Assembly.Bot.Observability;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Messages;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using BotKeyboard = Assembly.Conversations.Messages.Keyboard;
using BotInlineKeyboard = Assembly.Conversations.Messages.InlineKeyboard;
using BotReplyKeyboard = Assembly.Conversations.Messages.ReplyKeyboard;
using BotRemoveKeyboard = Assembly.Conversations.Messages.RemoveKeyboard;
using BotForceReply = Assembly.Conversations.Messages.ForceReply;

namespace Assembly.Bot.Messengers;

/// <summary>
/// Telegram or Bale through Telegram.Bot: one client per messenger, with its own token, base address and
/// proxy. Differences between the two are in <see cref="MessengerDialect"/> and here, nowhere else.
/// </summary>
public sealed class BotApiMessenger : IMessengerClient, IWebhookMessenger, IDisposable
{
    /// <summary>How long one send may take before it counts as a network failure.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    private readonly MessengerDialect _dialect;
    private readonly HttpClient _http;
    private readonly TelegramBotClient _client;
    private readonly SecretRedactor _redactor;
    private readonly MessengerCalls _calls;
    private readonly BotMetrics _metrics;
    private readonly ILogger _logger;
    private string? _username;

    public BotApiMessenger(string name, MessengerOptions options, SecretRedactor redactor, MessengerCalls calls, BotMetrics metrics, ILogger<BotApiMessenger> logger)
    {
        Name = name;
        _dialect = MessengerDialect.For(name);
        _redactor = redactor;
        _calls = calls;
        _metrics = metrics;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            Proxy = string.IsNullOrWhiteSpace(options.Proxy) ? null : new WebProxy(options.Proxy),
            UseProxy = !string.IsNullOrWhiteSpace(options.Proxy),
        };
        // Our own timeouts per call: a long poll may rightly take PollTimeoutSeconds.
        _http = new HttpClient(new NumericIdsHandler(handler)) { Timeout = Timeout.InfiniteTimeSpan };
        // RetryThreshold 0: Telegram.Bot must not sleep on a 429 itself; the outbox decides who waits and how long.
        _client = new TelegramBotClient(new TelegramBotClientOptions(options.Token!, options.BaseUrl.TrimEnd('/')) { RetryThreshold = 0 }, _http);
    }

    public string Name { get; }

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var me = await _client.GetMe(timeout.Token);
            _calls.Answered(Name);
            _username = me.Username;
            _logger.LogInformation("{Messenger}: connected as @{Username}", Name, me.Username);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The server may be down at start; polling retries on its own. Without the username a command
            // addressed to us as /cmd@name in a group is taken as ours.
            _calls.Failed(Name, _redactor.Describe(e));
            _logger.LogWarning("{Messenger}: getMe failed, going on without the bot's username: {Error}", Name, _redactor.Describe(e));
        }
    }

    public async Task SetCommandsAsync(IReadOnlyList<MenuEntry> commands, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await _client.SetMyCommands(commands.Select(c => new BotCommand(c.Name, c.Description)), cancellationToken: timeout.Token);
            _calls.Answered(Name);
            _logger.LogInformation("{Messenger}: command menu published ({Count} commands)", Name, commands.Count);
        }
        catch (ApiRequestException e)
        {
            // Answered, and refused: the messenger has no such menu (or not this one). Members still have /help.
            _calls.Answered(Name);
            _logger.LogInformation("{Messenger}: the command menu was refused, going on without it: {Error}", Name, _redactor.Describe(e));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping before it was answered: nothing to tell.
        }
        catch (Exception e)
        {
            _logger.LogInformation("{Messenger}: the command menu could not be published, going on without it: {Error}", Name, _redactor.Describe(e));
        }
    }

    public async Task<IReadOnlyList<InboundUpdate>> GetUpdatesAsync(long offset, int timeoutSeconds, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds + 15));
        try
        {
            var updates = await _client.GetUpdates(checked((int)offset), limit: 100, timeout: timeoutSeconds, cancellationToken: timeout.Token);
            _calls.Answered(Name);
            return updates.Select(Read).ToList();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _calls.Failed(Name, "getUpdates got no answer in time");
            throw new TimeoutException("getUpdates got no answer in time.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is ApiRequestException { ErrorCode: < 500 }) _calls.Answered(Name);
            else _calls.Failed(Name, _redactor.Describe(e));
            throw;
        }
    }

    public InboundUpdate Read(Update update) => UpdateMapper.Map(update, Name, _username);

    public async Task SetWebhookAsync(string url, string secret, int maxConnections, CancellationToken ct)
    {
        await CallAsync(() => _dialect.HasWebhookSecret
            ? _client.SetWebhook(url, maxConnections: maxConnections, secretToken: secret, cancellationToken: ct)
            // Bale knows neither secret_token nor max_connections; its secret is in the address itself.
            : _client.SetWebhook(url, cancellationToken: ct));
    }

    public async Task DeleteWebhookAsync(CancellationToken ct) =>
        await CallAsync(() => _client.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct));

    /// <summary>A call whose failure the caller handles; noted for /healthz either way.</summary>
    private async Task CallAsync(Func<Task> call)
    {
        try
        {
            await call();
            _calls.Answered(Name);
        }
        catch (ApiRequestException e) when (e.ErrorCode < 500)
        {
            _calls.Answered(Name);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _calls.Failed(Name, _redactor.Describe(e));
            throw;
        }
    }

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var outcome = await SendOnceAsync(message, ct);
        if (outcome is SendOutcome.Transient transient) _calls.Failed(Name, transient.Reason);
        else _calls.Answered(Name);
        if (outcome is SendOutcome.Sent) _metrics.Sent(Name, message.Priority);
        else if (outcome is SendOutcome.Throttled) _metrics.Throttled(Name);
        else if (outcome is SendOutcome.Rejected or SendOutcome.Moved or SendOutcome.Unreachable or SendOutcome.ThreadGone) _metrics.Refused(Name, outcome);
        return outcome;
    }

    private async Task<SendOutcome> SendOnceAsync(OutgoingMessage message, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        try
        {
            switch (message)
            {
                case TextMessage text:
                    var sent = await SendTextAsync(text, timeout.Token);
                    return new SendOutcome.Sent(sent.MessageId);
                case FileMessage file:
                    var sentFile = await SendFileAsync(file, timeout.Token);
                    return new SendOutcome.Sent(sentFile.MessageId);
                case UploadMessage upload:
                    var uploaded = await UploadAsync(upload, timeout.Token);
                    return new SendOutcome.Sent(uploaded.MessageId);
                case LocationMessage location:
                    var pinned = await _client.SendLocation(location.To.ChatId, location.Latitude, location.Longitude, messageThreadId: Thread(location),
                        cancellationToken: timeout.Token);
                    return new SendOutcome.Sent(pinned.MessageId);
                case TextEdit edit:
                    return await EditAsync(edit, timeout.Token);
                case CommandMenuMessage menu:
                    await SetChatMenuAsync(menu, timeout.Token);
                    return new SendOutcome.Sent(null);
                case CopyMessage copy:
                    var copied = await _client.CopyMessage(copy.To.ChatId, copy.FromChatId, checked((int)copy.MessageId), messageThreadId: Thread(copy),
                        cancellationToken: timeout.Token);
                    return new SendOutcome.Sent(copied.Id);
                case TopicOpen open:
                    return await OpenTopicAsync(open, timeout.Token);
                case TopicState state:
                    return await TopicStateAsync(state, timeout.Token);
                case Reaction reaction:
                    await _client.SetMessageReaction(reaction.To.ChatId, checked((int)reaction.MessageId), [new ReactionTypeEmoji { Emoji = reaction.Emoji }],
                        cancellationToken: timeout.Token);
                    return new SendOutcome.Sent(null);
                case ButtonAnswer answer:
                    await _client.AnswerCallbackQuery(answer.PressId, answer.Notice, answer.AsAlert, cancellationToken: timeout.Token);
                    return new SendOutcome.Sent(null);
                default:
                    return new SendOutcome.Rejected($"no way to send a {message.GetType().Name}");
            }
        }
        catch (ApiRequestException e)
        {
            return Classify(e);
        }
        catch (RequestException e)
        {
            // No JSON answer: a proxy's or gateway's error page, or no answer at all (network).
            var status = (int?)e.HttpStatusCode;
            return status is null or >= 500 or 429
                ? new SendOutcome.Transient(_redactor.Describe(e))
                : new SendOutcome.Rejected(_redactor.Describe(e));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendOutcome.Transient("no answer within " + SendTimeout.TotalSeconds + " s");
        }
    }

    /// <summary>
    /// A report's topic, where the chat is a forum: its id is the outcome's message id. Anywhere else (a plain group, a
    /// messenger without topics, a forum where the bot may not manage topics) nothing is opened and the outcome has no
    /// id, so the report's messages go to the chat itself, as they did before topics; a refusal is logged for the
    /// operator, who can give the bot the right.
    /// </summary>
    private async Task<SendOutcome> OpenTopicAsync(TopicOpen open, CancellationToken ct)
    {
        if (!_dialect.HasForumTopics) return new SendOutcome.Sent(null);
        var chat = await _client.GetChat(open.To.ChatId, ct);
        if (!chat.IsForum) return new SendOutcome.Sent(null);
        try
        {
            var topic = await _client.CreateForumTopic(open.To.ChatId, open.Name, cancellationToken: ct);
            return new SendOutcome.Sent(topic.MessageThreadId);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403 && e.Parameters?.MigrateToChatId is null && e.Parameters?.RetryAfter is null)
        {
            _logger.LogWarning("{Messenger}: no topic could be opened in the forum {ChatId} ({Error}); the report is posted in the chat itself. "
                + "Make the bot an admin allowed to manage topics", Name, open.To.ChatId, _redactor.Redact(e.Message));
            return new SendOutcome.Sent(null);
        }
    }

    /// <summary>Closes or reopens a report's topic; one already so is as it should be.</summary>
    private async Task<SendOutcome> TopicStateAsync(TopicState state, CancellationToken ct)
    {
        if (!_dialect.HasForumTopics || state.Topic is not { } thread || thread <= 0) return new SendOutcome.Sent(null);
        try
        {
            if (state.Open) await _client.ReopenForumTopic(state.To.ChatId, thread, ct);
            else await _client.CloseForumTopic(state.To.ChatId, thread, ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && Says(e.Message, "TOPIC_NOT_MODIFIED"))
        {
        }

        return new SendOutcome.Sent(null);
    }

    /// <summary>The forum topic a message goes into; none for the main thread, or where the messenger has no topics.</summary>
    private int? Thread(OutgoingMessage message) => _dialect.HasForumTopics && message.Topic is > 0 and var thread ? thread : null;

    /// <summary>
    /// One person's menu in their private chat's scope; none at all sends the chat back to the default menu. Where the
    /// messenger documents no scopes (Bale) nothing is called: a scope it ignored would give every chat that menu.
    /// </summary>
    private async Task SetChatMenuAsync(CommandMenuMessage menu, CancellationToken ct)
    {
        if (!_dialect.HasChatCommandMenus) return;
        var scope = BotCommandScope.Chat(menu.To.ChatId);
        if (menu.Commands.Count == 0) await _client.DeleteMyCommands(scope, cancellationToken: ct);
        else await _client.SetMyCommands(menu.Commands.Select(c => new BotCommand(c.Name, c.Description)), scope, cancellationToken: ct);
    }

    /// <summary>
    /// An edit. One that changes nothing has the effect it wanted, and the message keeps its id. One the messenger can no
    /// longer apply (the message deleted or too old) is sent as a new message when the edit asks for it.
    /// </summary>
    private async Task<SendOutcome> EditAsync(TextEdit edit, CancellationToken ct)
    {
        try
        {
            var edited = await _client.EditMessageText(edit.To.ChatId, checked((int)edit.MessageId), edit.Text,
                replyMarkup: Markup(edit.Keyboard) as InlineKeyboardMarkup, entities: Entities(edit.Text, edit.Monospace), cancellationToken: ct);
            return new SendOutcome.Sent(edited.MessageId);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && Says(e.Message, "message is not modified"))
        {
            return new SendOutcome.Sent(edit.MessageId);
        }
        catch (ApiRequestException e) when (edit.ResendIfGone && e.ErrorCode == 400 && e.Parameters?.MigrateToChatId is null
                                            && (Says(e.Message, "message to edit not found") || Says(e.Message, "message can't be edited")))
        {
            _logger.LogInformation("{Messenger}: an edit was refused ({Error}); sending the message again", Name, _redactor.Redact(e.Message));
            var sent = await SendTextAsync(new TextMessage(edit.Text, edit.Keyboard, Monospace: edit.Monospace) { To = edit.To, ToKind = edit.ToKind, Topic = edit.Topic }, ct);
            return new SendOutcome.Sent(sent.MessageId);
        }
    }

    private async Task<Message> SendTextAsync(TextMessage text, CancellationToken ct)
    {
        var markup = Markup(text.Keyboard);
        if (text.ReplyToMessageId is { } replyTo && !_dialect.RepliesWithReplyParameters)
        {
            try
            {
                return await _client.SendRequest(new LegacyReplySendMessage(text.To.ChatId, text.Text, replyTo, markup), ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Parameters?.MigrateToChatId is null)
            {
                // The older form has no "send without the reply": a message replied to that is gone (deleted) makes
                // Bale refuse the whole message, so it goes again as a plain one, as Telegram's path does by itself.
                _logger.LogInformation("{Messenger}: a reply was refused ({Error}); sending it without the reply", Name, _redactor.Redact(e.Message));
                text = text with { ReplyToMessageId = null };
            }
        }


        ReplyParameters? reply = text.ReplyToMessageId is { } id ? new ReplyParameters { MessageId = checked((int)id), AllowSendingWithoutReply = true } : null;
        return await _client.SendMessage(text.To.ChatId, text.Text, replyParameters: reply, replyMarkup: markup, messageThreadId: Thread(text),
            entities: Entities(text), cancellationToken: ct);
    }

    /// <summary>
    /// Formatting as entities, never as HTML or Markdown: the text goes out literally, so whatever a member
    /// typed (&lt;, *, _) reaches its reader as typed.
    /// </summary>
    private static MessageEntity[]? Entities(TextMessage text) => Entities(text.Text, text.Monospace);

    private static MessageEntity[]? Entities(string text, IReadOnlyList<string>? monospace) =>
        monospace is not { Count: > 0 } parts
            ? null
            : parts.Select(part => (part, at: text.IndexOf(part, StringComparison.Ordinal)))
                .Where(p => p.at >= 0)
                .Select(p => new MessageEntity { Type = MessageEntityType.Code, Offset = p.at, Length = p.part.Length })
                .ToArray();

    private Task<Message> SendFileAsync(FileMessage file, CancellationToken ct)
    {
        var chat = file.To.ChatId;
        var input = InputFile.FromFileId(file.FileId);
        var thread = Thread(file);
        return file.Kind switch
        {
            AttachmentKind.Photo => _client.SendPhoto(chat, input, file.Caption, messageThreadId: thread, cancellationToken: ct),
            AttachmentKind.Voice => _client.SendVoice(chat, input, file.Caption, messageThreadId: thread, cancellationToken: ct),
            AttachmentKind.Audio => _client.SendAudio(chat, input, file.Caption, messageThreadId: thread, cancellationToken: ct),
            AttachmentKind.Video => _client.SendVideo(chat, input, file.Caption, messageThreadId: thread, cancellationToken: ct),
            _ => _client.SendDocument(chat, input, file.Caption, messageThreadId: thread, cancellationToken: ct),
        };
    }

    public async Task<byte[]?> DownloadAsync(string fileId, long maxBytes, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            var file = await _client.GetFile(fileId, timeout.Token);
            _calls.Answered(Name);
            if (file.FilePath is null || file.FileSize > maxBytes) return null;
            using var bytes = new MemoryStream();
            await _client.DownloadFile(file.FilePath, bytes, timeout.Token);
            return bytes.Length > maxBytes ? null : bytes.ToArray();
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500 and not 429)
        {
            // Refused for good (too big, gone): carrying it again would change nothing.
            _calls.Answered(Name);
            _logger.LogWarning("{Messenger}: a file could not be downloaded to carry it elsewhere: {Error}", Name, _redactor.Describe(e));
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException("The file download got no answer in time.");
        }
    }

    /// <summary>A file the bot made, uploaded as multipart form data; a fresh stream for every attempt.</summary>
    private Task<Message> UploadAsync(UploadMessage upload, CancellationToken ct)
    {
        var input = InputFile.FromStream(new MemoryStream(upload.Content, writable: false), upload.FileName);
        return upload.Kind == UploadKind.Photo
            ? _client.SendPhoto(upload.To.ChatId, input, upload.Caption, messageThreadId: Thread(upload), cancellationToken: ct)
            : _client.SendDocument(upload.To.ChatId, input, upload.Caption, messageThreadId: Thread(upload), cancellationToken: ct);
    }

    /// <summary>
    /// What a refusal means, by <c>error_code</c> first and then by <c>description</c> (docs/bale.md). A 403 means the
    /// chat is unreachable only when it says so (blocked, deactivated, removed): Bale answers 403 for a bad token too,
    /// which is the bot's problem, not the chat's. Bale slows a bot down with 420 or "bot limit exceed" as well as 429,
    /// not always with a <c>retry_after</c>.
    /// </summary>
    private SendOutcome Classify(ApiRequestException e)
    {
        var description = e.Message;
        var reason = $"{e.ErrorCode}: {_redactor.Redact(description)}";
        if (e.ErrorCode is 429 or 420 || Says(description, "bot limit exceed"))
            return new SendOutcome.Throttled(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 5)));
        if (e.Parameters?.MigrateToChatId is { } newChatId)
            return new SendOutcome.Moved(newChatId);
        // An edit that changes nothing has the effect it wanted.
        if (e.ErrorCode == 400 && Says(description, "message is not modified"))
            return new SendOutcome.Sent(null);
        if (e.ErrorCode == 400 && (Says(description, "message thread not found") || Says(description, "TOPIC_DELETED")))
            return new SendOutcome.ThreadGone(reason);
        if (e.ErrorCode == 403 && ChatGone.Any(words => Says(description, words)))
            return new SendOutcome.Unreachable(_redactor.Redact(description));
        // A bad token or a server in trouble: the message is fine, the moment is not.
        return e.ErrorCode is 401 or 403 or >= 500 ? new SendOutcome.Transient(reason) : new SendOutcome.Rejected(reason);
    }

    /// <summary>How a 403 says that this chat, not the bot, is the trouble.</summary>
    private static readonly string[] ChatGone = ["blocked", "deactivated", "kicked", "not a member", "can't initiate conversation"];

    private static bool Says(string description, string words) => description.Contains(words, StringComparison.OrdinalIgnoreCase);

    private ReplyMarkup? Markup(BotKeyboard? keyboard) => keyboard switch
    {
        BotForceReply when _dialect.HasForceReply => new ForceReplyMarkup(),
        BotForceReply => null,
        BotInlineKeyboard inline => new InlineKeyboardMarkup(inline.Rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data)))),
        BotReplyKeyboard reply => new ReplyKeyboardMarkup(reply.Rows.Select((row, r) => row.Select((label, c) =>
            new KeyboardButton(label) { RequestContact = reply.RequestContactOnFirst && r == 0 && c == 0, RequestLocation = reply.RequestLocationOnFirst && r == 0 && c == 0 })))
        { ResizeKeyboard = true },
        BotRemoveKeyboard => new ReplyKeyboardRemove(),
        _ => null,
    };

    public void Dispose() => _http.Dispose();

    /// <summary>sendMessage with the older <c>reply_to_message_id</c>, which Bale understands and <c>reply_parameters</c> it does not.</summary>
    private sealed class LegacyReplySendMessage(long chatId, string text, long replyTo, ReplyMarkup? markup) : RequestBase<Message>("sendMessage")
    {
        public override HttpContent ToHttpContent()
        {
            var body = new Dictionary<string, object?> { ["chat_id"] = chatId, ["text"] = text, ["reply_to_message_id"] = replyTo };
            if (markup is not null) body["reply_markup"] = JsonSerializer.SerializeToElement(markup, markup.GetType(), JsonBotAPI.Options);
            return JsonContent.Create(body);
        }
    }
}
