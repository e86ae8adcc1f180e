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
public abstract record Keyboard;

/// <summary>Buttons under the message; each press comes back as a <see cref="IncomingKind.ButtonPress"/>.</summary>
public sealed record InlineKeyboard(IReadOnlyList<IReadOnlyList<InlineButton>> Rows) : Keyboard;

/// <summary>
/// A keyboard that replaces the phone's keyboard; a press sends its label as text, or, for the first button when asked,
/// the member's own contact or the phone's location (private chats only, on both messengers).
/// </summary>
public sealed record ReplyKeyboard(IReadOnlyList<IReadOnlyList<string>> Rows, bool RequestContactOnFirst = false, bool RequestLocationOnFirst = false) : Keyboard;

public sealed record RemoveKeyboard : Keyboard;

/// <summary>A message to send. Flows produce these; the pipeline stores them in the outbox; the sender delivers them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "t")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(ButtonAnswer), "answer")]
[JsonDerivedType(typeof(FileMessage), "file")]
[JsonDerivedType(typeof(UploadMessage), "upload")]
public abstract record OutgoingMessage
{
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
public sealed record TextMessage(string Text, Keyboard? Keyboard = null, long? ReplyToMessageId = null, IReadOnlyList<string>? Monospace = null) : OutgoingMessage;

/// <summary>The answer to a button press (the small notice on the phone; it also stops the button's spinner).</summary>
public sealed record ButtonAnswer(string PressId, string? Notice = null, bool AsAlert = false) : OutgoingMessage;

/// <summary>
/// A file the messenger already holds (by its file id), sent again with a caption: a member's attachment
/// shown to staff. A file id is valid only on the messenger it came from.
/// </summary>
public sealed record FileMessage(AttachmentKind Kind, string FileId, string? Caption = null) : OutgoingMessage;

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
