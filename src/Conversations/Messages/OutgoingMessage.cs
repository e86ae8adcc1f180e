using System.Text.Json.Serialization;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Messages;

/// <summary>One inline button: the label shown and the data that comes back when it is pressed.</summary>
public sealed record InlineButton(string Label, string Data);

/// <summary>What is attached under or instead of the keyboard of a sent message.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(InlineKeyboard), "inline")]
[JsonDerivedType(typeof(ReplyKeyboard), "reply")]
[JsonDerivedType(typeof(RemoveKeyboard), "remove")]
[JsonDerivedType(typeof(ForceReply), "force")]
public abstract record Keyboard;

/// <summary>Buttons under the message; each press comes back as a <see cref="IncomingKind.ButtonPress"/>.</summary>
public sealed record InlineKeyboard(IReadOnlyList<IReadOnlyList<InlineButton>> Rows) : Keyboard;

/// <summary>
/// A keyboard that replaces the phone's keyboard; a press sends its label as text, or, for the first button when asked,
/// the member's own contact or the phone's location (private chats only, on both messengers).
/// </summary>
public sealed record ReplyKeyboard(IReadOnlyList<IReadOnlyList<string>> Rows, bool RequestContactOnFirst = false, bool RequestLocationOnFirst = false) : Keyboard;

public sealed record RemoveKeyboard : Keyboard;

/// <summary>
/// Opens the phone's reply to this very message, so that what is written next answers it: for a prompt whose answer
/// is read by the message it replies to. A messenger without it shows the message alone; the prompt says to reply.
/// </summary>
public sealed record ForceReply : Keyboard;

/// <summary>A message to send. Flows produce these; the pipeline stores them in the outbox; the sender delivers them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "t")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(ButtonAnswer), "answer")]
[JsonDerivedType(typeof(FileMessage), "file")]
[JsonDerivedType(typeof(UploadMessage), "upload")]
[JsonDerivedType(typeof(LocationMessage), "location")]
[JsonDerivedType(typeof(TextEdit), "edit")]
[JsonDerivedType(typeof(CommandMenuMessage), "menu")]
[JsonDerivedType(typeof(TopicOpen), "topic")]
[JsonDerivedType(typeof(TopicState), "topic-state")]
[JsonDerivedType(typeof(Reaction), "reaction")]
[JsonDerivedType(typeof(CopyMessage), "copy")]
public abstract record OutgoingMessage
{
    /// <summary>
    /// The forum topic of a staff chat this goes into (<see cref="ForumTopics"/>): null leaves it to the sender, which
    /// puts a message about a report into that report's topic where it has one; 0 keeps it in the chat's main thread.
    /// </summary>
    public int? Topic { get; init; }

    [JsonIgnore] public ChatAddress To { get; init; }
    [JsonIgnore] public ChatKind ToKind { get; init; }
    [JsonIgnore] public OutboxPriority Priority { get; init; } = OutboxPriority.Interactive;

    /// <summary>The report this message is about, and what a reply to it does (see OutboxMessage.Subject).</summary>
    [JsonIgnore] public string? Subject { get; init; }
    [JsonIgnore] public string? SubjectAction { get; init; }

    /// <summary>The announcement this is one copy of (for its delivery counts).</summary>
    [JsonIgnore] public int? BroadcastId { get; init; }

    /// <summary>The chat of the person whose action sent this to another chat: told if the messenger refuses it.</summary>
    [JsonIgnore] public ChatAddress? CausedBy { get; init; }
}

/// <param name="Monospace">Parts shown in a fixed-width font, which phones copy with one tap (tracking codes).</param>
public sealed record TextMessage(string Text, Keyboard? Keyboard = null, long? ReplyToMessageId = null, IReadOnlyList<string>? Monospace = null) : OutgoingMessage
{
    /// <summary>
    /// What the brain keeps with a question it asks, read back from the outbox row when the question is answered
    /// (a press under it); never sent. Only the question's own row holds it, so it lasts as long as the row's payload.
    /// </summary>
    public string? Memo { get; init; }
}

/// <summary>The answer to a button press (the small notice on the phone; it also stops the button's spinner).</summary>
public sealed record ButtonAnswer(string PressId, string? Notice = null, bool AsAlert = false) : OutgoingMessage;

/// <summary>
/// A file the messenger already holds (by its file id), sent again with a caption: a member's attachment
/// shown to staff. A file id is valid only on the messenger it came from.
/// </summary>
public sealed record FileMessage(AttachmentKind Kind, string FileId, string? Caption = null) : OutgoingMessage
{
    /// <summary>
    /// The messenger the file id belongs to, when it is not the one the message goes to: the sender then downloads
    /// the file there and uploads it here (within <see cref="FileCarrying.MaxBytes"/>).
    /// </summary>
    public string? FromMessenger { get; init; }

    /// <summary>The file's name, for a document carried to another messenger.</summary>
    public string? FileName { get; init; }

    /// <summary>
    /// Sent only into the report's forum topic: a file of the other messenger, carried into the topic, where a plain
    /// staff chat's post names where the files are instead.
    /// </summary>
    public bool OnlyInTopic { get; init; }
}

/// <summary>What may be carried from one messenger to the other: a file id means nothing on the other side.</summary>
public static class FileCarrying
{
    /// <summary>
    /// The most a bot may download (getFile), on Telegram and on Bale alike; a larger file stays where it was sent.
    /// </summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Whether a file of this size (unknown: tried) can reach a chat on another messenger.</summary>
    public static bool Fits(long? size) => size is null || size <= MaxBytes;

    /// <summary>The longest caption Telegram takes; Bale's documentation is not clear, so it is held to the same.</summary>
    public const int MaxCaption = 1024;
}

/// <summary>How a file the bot made is shown: as a picture in the chat, or as a document to download.</summary>
public enum UploadKind { Photo, Document }

/// <summary>
/// A file the bot made itself (a chart, a spreadsheet), uploaded with the message. The bytes are not part of
/// the JSON payload: <c>OutboxWriter</c> stores them in the <c>OutboxFiles</c> table beside the outbox row,
/// in the same transaction, and the sender loads them back just before the upload. So a restart neither
/// loses the file nor sends it twice, like any other message.
/// </summary>
public sealed record UploadMessage(UploadKind Kind, string FileName, string ContentType, string? Caption = null) : OutgoingMessage
{
    [JsonIgnore] public byte[] Content { get; init; } = [];
}

/// <summary>A point on the map, shown by the messenger as its own map (a member's pinned place, to staff).</summary>
public sealed record LocationMessage(double Latitude, double Longitude) : OutgoingMessage;

/// <summary>
/// New text (and buttons) for a message the bot already sent in this chat: a count that grows as files arrive, a
/// report's card kept current.
/// </summary>
public sealed record TextEdit(long MessageId, string Text, InlineKeyboard? Keyboard = null) : OutgoingMessage
{
    /// <summary>Parts shown in a fixed-width font, as for a <see cref="TextMessage"/>.</summary>
    public IReadOnlyList<string>? Monospace { get; init; }

    /// <summary>
    /// Where the message can no longer be edited (deleted, too old, or its group moved to a supergroup), send the text
    /// as a new message instead: for a card, which must stay in front of its readers.
    /// </summary>
    public bool ResendIfGone { get; init; }
}
