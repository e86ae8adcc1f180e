using Assembly.Storage.Entities;

namespace Assembly.Conversations.Messages;

/// <summary>A chat on one messenger: the address a reply goes back to.</summary>
public readonly record struct ChatAddress(string Messenger, long ChatId)
{
    public override string ToString() => $"{Messenger}:{ChatId}";
}

/// <summary>Who sent an update, as the messenger reports them.</summary>
public sealed record Sender(long UserId, string? FirstName, string? LastName, string? Username)
{
    public string DisplayName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

public enum IncomingKind
{
    /// <summary>A text message (commands included).</summary>
    Text,

    /// <summary>A press on an inline button.</summary>
    ButtonPress,

    /// <summary>A photo, document, voice, sticker and the like.</summary>
    Media,
    Contact,
    Location,

    /// <summary>A message the sender edited after sending it.</summary>
    Edited,

    /// <summary>The bot was added to or removed from a group or channel.</summary>
    Membership,

    /// <summary>Something the bot does not handle (polls, reactions, service messages): recorded and ignored.</summary>
    Other,
}

public enum AttachmentKind { Photo, Document, Voice, Audio, Video, VideoNote, Animation, Sticker }

public sealed record Attachment(AttachmentKind Kind, string FileId, string? FileName = null, string? MimeType = null, long? FileSize = null);

public sealed record SharedContact(string PhoneNumber, long? UserId, string? FirstName);

public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>
/// What a messenger delivered, free of any messenger's types: the only thing a flow sees.
/// The messenger layer fills it (Telegram, Bale and the console alike) and absorbs their differences.
/// <see cref="MediaGroupId"/> is shared by the files of one album, which the messenger delivers as separate messages.
/// <see cref="ThreadId"/> is the forum topic a group message was written in (Telegram's <c>message_thread_id</c>).
/// </summary>
public sealed record IncomingMessage(
    ChatAddress Chat,
    ChatKind ChatKind,
    IncomingKind Kind,
    Sender? From,
    long? MessageId = null,
    string? Text = null,
    string? ChatTitle = null,
    long? ReplyToMessageId = null,
    long? ReplyToUserId = null,
    string? ButtonData = null,
    string? ButtonPressId = null,
    Attachment? Attachment = null,
    SharedContact? Contact = null,
    GeoPoint? Location = null,
    bool BotJoined = false,
    string? MediaGroupId = null,
    int? ThreadId = null)
{
    public string Messenger => Chat.Messenger;
}
