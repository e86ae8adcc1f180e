using Assembly.Conversations.Messages;
using Assembly.Storage;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Turns;

/// <summary>
/// One update being handled: the message, the database (inside the update's transaction) and what to
/// send. Handlers add replies here; the pipeline writes them to the outbox in the same transaction.
/// </summary>
public sealed class Turn(BotDbContext db, IncomingMessage message, DateTime now)
{
    private readonly List<OutgoingMessage> _outgoing = [];

    public BotDbContext Db { get; } = db;
    public IncomingMessage In { get; } = message;

    /// <summary>The time the update is handled, in UTC.</summary>
    public DateTime Now { get; } = now;

    /// <summary>
    /// The member who sent the update, as the router looked them up with the chat at the start of the turn (null: not a
    /// member, or not looked up). Carried so that a flow does not look them up again: that was a third more
    /// member queries per update. Read it through <see cref="Members.MemberDirectory.SenderAsync"/>.
    /// </summary>
    public Member? Sender { get; internal set; }

    public IReadOnlyList<OutgoingMessage> Outgoing => _outgoing;

    /// <summary>
    /// The turn queued a heavy read (a statistic, an export) to be done outside the writer's transaction: the pipeline
    /// wakes the read worker once the turn is committed.
    /// </summary>
    public bool ReadQueued { get; private set; }

    public void QueueRead() => ReadQueued = true;

    /// <summary>Answers in the chat the update came from, ahead of any bulk message.</summary>
    /// <param name="monospace">Parts of the text to show in a fixed-width font (a tracking code, to copy).</param>
    public void Reply(string text, Keyboard? keyboard = null, IReadOnlyList<string>? monospace = null) =>
        _outgoing.Add(InThread(new TextMessage(text, keyboard, Monospace: monospace) { To = In.Chat, ToKind = In.ChatKind }));

    /// <summary>Answers a button press; every press must be answered or the phone keeps spinning.</summary>
    public void AnswerButton(string? notice = null, bool asAlert = false)
    {
        if (In.ButtonPressId is { } id)
            _outgoing.Add(new ButtonAnswer(id, notice, asAlert) { To = In.Chat, ToKind = In.ChatKind });
    }

    /// <summary>
    /// A change on the messenger's side rather than a message (a person's command menu), queued like one. Nobody is
    /// told if the messenger refuses it: nobody could do anything about it.
    /// </summary>
    public void Effect(OutgoingMessage message) => _outgoing.Add(message);

    /// <summary>
    /// Sends to another chat (staff, a group); bulk unless it answers somebody waiting. The sender of this turn caused
    /// it, and hears if the messenger refuses it; a broadcast's copies are counted for its organizer instead.
    /// </summary>
    public void Send(ChatAddress to, ChatKind kind, OutgoingMessage message, OutboxPriority priority) =>
        _outgoing.Add(InThread(message with
        {
            To = to, ToKind = kind, Priority = priority,
            CausedBy = message.BroadcastId is null && to != In.Chat ? In.Chat : message.CausedBy,
        }));

    /// <summary>
    /// What answers a group message stays in the thread it was written in: its forum topic, or the main thread (0),
    /// even when it is about a report that has a topic of its own.
    /// </summary>
    private OutgoingMessage InThread(OutgoingMessage message) =>
        message.Topic is null && In.ChatKind == ChatKind.Group && message.To == In.Chat ? message with { Topic = In.ThreadId ?? 0 } : message;
}
