using System.Collections.Concurrent;
using System.Threading.Channels;
using Assembly.Bot.Messengers;
using Assembly.Conversations.Messages;

namespace Assembly.Bot.ConsoleChat;

/// <summary>
/// A messenger in the terminal, for trying the bot without a token. What is typed becomes updates that go
/// through the same pipeline, database and outbox as Telegram's; what the bot sends is printed.
/// </summary>
/// <param name="filesFolder">Where files the bot makes (charts, spreadsheets) are written, to open them.</param>
public sealed class ConsoleMessenger(TextWriter output, string? filesFolder = null) : IMessengerClient
{
    private readonly string _filesFolder = Path.GetFullPath(filesFolder ?? Path.Combine("data", "files"));

    public const string MessengerName = "console";

    private readonly Channel<IncomingMessage> _typed = Channel.CreateUnbounded<IncomingMessage>();
    private readonly ConcurrentDictionary<long, IReadOnlyList<ConsoleButton>> _buttons = new();
    private readonly ConcurrentDictionary<long, long> _lastSent = new();
    private readonly ConcurrentDictionary<long, long> _forcedReply = new();
    private readonly Lock _print = new();
    private long _nextUpdateId;

    // Message ids go on from where an earlier run of the chat left them (the clock only moves on): the outbox keeps
    // the ids of what was sent, and a reply to a new message must never find an old one with the same id.
    private long _nextMessageId = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    // How many lines were handed to the bot, and the poll offsets that tell how many of them the pipeline committed:
    // the offset of this run's first poll, and of its latest (every id below it is committed, see PollingReceiver).
    private long _typedCount;
    private long _firstOffset = -1;
    private long _confirmedOffset = -1;

    public string Name => MessengerName;

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>A terminal has no command menu; /help lists the commands.</summary>
    public Task SetCommandsAsync(IReadOnlyList<Conversations.Commands.MenuEntry> commands, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Hands what a user typed to the bot.</summary>
    public void Type(IncomingMessage message)
    {
        Interlocked.Increment(ref _typedCount);
        _typed.Writer.TryWrite(message);
    }

    /// <summary>
    /// Every update typed so far has been committed by the pipeline, with the messages it owes in the outbox. Each
    /// typed line is one update with the next id, so the committed count is how far the poll offset moved this run.
    /// </summary>
    public bool AllCommitted
    {
        get
        {
            var first = Interlocked.Read(ref _firstOffset);
            var committed = first < 0 ? 0 : Interlocked.Read(ref _confirmedOffset) - first;
            return committed >= Interlocked.Read(ref _typedCount);
        }
    }

    /// <summary>The buttons under the last message the bot sent to this user, numbered from 1.</summary>
    public IReadOnlyList<ConsoleButton> ButtonsOf(long userId) => _buttons.GetValueOrDefault(userId) ?? [];

    /// <summary>The id of the last message the bot sent to this user, for <c>:reply</c>; null before any.</summary>
    public long? LastSentTo(long userId) => _lastSent.TryGetValue(userId, out var id) ? id : null;

    /// <summary>
    /// The message that asked this user to reply (a force-reply prompt), once: a phone opens the reply to it by itself,
    /// so the next line typed answers it.
    /// </summary>
    public long? TakeForcedReply(long userId) => _forcedReply.TryRemove(userId, out var id) ? id : null;

    public long NextMessageId() => Interlocked.Increment(ref _nextMessageId);

    public async Task<IReadOnlyList<InboundUpdate>> GetUpdatesAsync(long offset, int timeoutSeconds, CancellationToken ct)
    {
        // Ids continue from the stored offset, so a restarted chat never reuses a processed id.
        Interlocked.Exchange(ref _nextUpdateId, Math.Max(Interlocked.Read(ref _nextUpdateId), offset));
        Interlocked.CompareExchange(ref _firstOffset, offset, -1);
        Interlocked.Exchange(ref _confirmedOffset, offset);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)));
        try
        {
            await _typed.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return [];
        }

        var batch = new List<InboundUpdate>();
        while (batch.Count < 100 && _typed.Reader.TryRead(out var message))
            batch.Add(new InboundUpdate(Interlocked.Increment(ref _nextUpdateId) - 1, message));
        return batch;
    }

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        long sentId;
        lock (_print)
        {
            // Taken in the lock, so the order of the ids is the order printed: the last printed is the last sent.
            sentId = NextMessageId();
            var userId = message.To.ChatId;
            if (message is TextMessage or FileMessage or UploadMessage or LocationMessage) _lastSent[userId] = sentId;
            if (message is TextMessage { Keyboard: ForceReply }) _forcedReply[userId] = sentId;
            switch (message)
            {
                case TextMessage text:
                    output.WriteLine();
                    output.WriteLine($"ربات ← {ConsoleUsers.NameOf(userId)}:");
                    output.WriteLine(text.Text);
                    PrintKeyboard(userId, text.Keyboard);
                    break;
                case FileMessage file:
                    output.WriteLine();
                    output.WriteLine($"ربات ← {ConsoleUsers.NameOf(userId)}: [{file.Kind}] {file.Caption}");
                    break;
                case UploadMessage upload:
                    Directory.CreateDirectory(_filesFolder);
                    var path = Path.Combine(_filesFolder, $"{NextMessageId()}-{Path.GetFileName(upload.FileName)}");
                    File.WriteAllBytes(path, upload.Content);
                    output.WriteLine();
                    output.WriteLine($"ربات ← {ConsoleUsers.NameOf(userId)}: [{upload.Kind}] {upload.Caption}");
                    output.WriteLine($"  {path}");
                    break;
                case TextEdit edit:
                    output.WriteLine();
                    output.WriteLine($"ربات ← {ConsoleUsers.NameOf(userId)} (ویرایش پیام قبلی):");
                    output.WriteLine(edit.Text);
                    PrintKeyboard(userId, edit.Keyboard);
                    break;
                case LocationMessage location:
                    output.WriteLine();
                    output.WriteLine($"ربات ← {ConsoleUsers.NameOf(userId)}: [location] {location.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {location.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                    break;
                case ButtonAnswer { Notice: { } notice }:
                    output.WriteLine($"  ({notice})");
                    break;
            }

            output.Flush();
        }

        return Task.FromResult<SendOutcome>(new SendOutcome.Sent(sentId));
    }

    private void PrintKeyboard(long userId, Keyboard? keyboard)
    {
        var buttons = keyboard switch
        {
            InlineKeyboard inline => inline.Rows.SelectMany(r => r).Select(b => new ConsoleButton(b.Label, b.Data)).ToList(),
            ReplyKeyboard reply => reply.Rows.SelectMany(r => r)
                .Select((label, i) => new ConsoleButton(label, null, SharesContact: reply.RequestContactOnFirst && i == 0)).ToList(),
            RemoveKeyboard => [],
            _ => null,
        };
        if (buttons is null) return;
        _buttons[userId] = buttons;
        for (var i = 0; i < buttons.Count; i++)
            output.WriteLine($"  [{i + 1}] {buttons[i].Label}");
    }
}

/// <summary>A button as the console shows it: inline buttons carry data, keyboard buttons send their label (or the contact).</summary>
public sealed record ConsoleButton(string Label, string? Data, bool SharesContact = false);
