using Assembly.Conversations.Messages;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using ChatKind = Assembly.Storage.Entities.ChatKind;

namespace Assembly.Bot.Messengers;

/// <summary>Turns a Bot API update (Telegram's or Bale's shape) into the messenger-free <see cref="IncomingMessage"/>.</summary>
public static class UpdateMapper
{
    public static InboundUpdate Map(Update update, string messenger, string? botUsername) =>
        new(update.Id, MapMessage(update, messenger, botUsername));

    private static IncomingMessage? MapMessage(Update update, string messenger, string? botUsername)
    {
        if (update.Message is { } message) return FromMessage(message, messenger, botUsername, edited: false);
        if (update.EditedMessage is { } edited) return FromMessage(edited, messenger, botUsername, edited: true);
        if (update.CallbackQuery is { } press) return FromButtonPress(press, messenger);
        if (update.MyChatMember is { } membership) return FromMembership(membership, messenger);
        // Channel posts, inline queries, polls, reactions…: nothing the bot answers.
        return null;
    }

    private static IncomingMessage FromMessage(Message m, string messenger, string? botUsername, bool edited)
    {
        var chat = new ChatAddress(messenger, m.Chat.Id);
        var kind = Kind(m.Chat.Type);
        var from = Sender(m.From);
        var title = m.Chat.Title ?? string.Join(' ', new[] { m.Chat.FirstName, m.Chat.LastName }.Where(s => s is not null));
        // In a forum, a message in a topic that replies to nothing comes as a reply to the topic's first message (the
        // service message that opened it, whose id is the topic's): that is where it was written, not what it answers.
        var thread = m.IsTopicMessage ? m.MessageThreadId : null;
        var replied = m.ReplyToMessage is { } r && !(thread is { } t && r.MessageId == t) ? r : null;
        var common = new IncomingMessage(chat, kind, IncomingKind.Other, from, MessageId: m.MessageId, ChatTitle: title,
            ReplyToMessageId: replied?.MessageId, ReplyToUserId: replied?.From is { IsBot: false } author ? author.Id : null, ThreadId: thread);

        if (edited) return common with { Kind = IncomingKind.Edited, Text = m.Text ?? m.Caption };

        if (m.NewChatMembers is { Length: > 0 } joined && botUsername is not null
            && joined.Any(u => u.IsBot && string.Equals(u.Username, botUsername, StringComparison.OrdinalIgnoreCase)))
            return common with { Kind = IncomingKind.Membership, BotJoined = true };

        if (m.Text is { } text)
        {
            var command = AddressedCommand(text, botUsername);
            return command is null
                ? common // a command meant for another bot in the group
                : common with { Kind = IncomingKind.Text, Text = command };
        }

        if (m.Contact is { } contact)
            return common with { Kind = IncomingKind.Contact, Contact = new SharedContact(contact.PhoneNumber, contact.UserId, contact.FirstName) };
        if (m.Location is { } location)
            return common with { Kind = IncomingKind.Location, Location = new GeoPoint(location.Latitude, location.Longitude) };
        // The caption rides as the message's text, raw as a text message's is: the brain cleans both (FlowInput.Caption).
        if (Attachment(m) is { } attachment)
            return common with { Kind = IncomingKind.Media, Attachment = attachment, Text = m.Caption, MediaGroupId = m.MediaGroupId };
        return common;
    }

    /// <summary>Strips our own <c>@botname</c> from a command; a command for another bot yields null.</summary>
    private static string? AddressedCommand(string text, string? botUsername)
    {
        if (!text.StartsWith('/')) return text;
        var end = text.IndexOfAny([' ', '\n']);
        var head = end < 0 ? text : text[..end];
        var at = head.IndexOf('@');
        if (at < 0) return text;
        var target = head[(at + 1)..];
        if (botUsername is not null && !string.Equals(target, botUsername, StringComparison.OrdinalIgnoreCase)) return null;
        return head[..at] + (end < 0 ? "" : text[end..]);
    }

    private static Attachment? Attachment(Message m)
    {
        if (m.Photo is { Length: > 0 } photo) return new Attachment(AttachmentKind.Photo, photo[^1].FileId, FileSize: photo[^1].FileSize);
        if (m.Sticker is { } sticker) return new Attachment(AttachmentKind.Sticker, sticker.FileId, FileSize: sticker.FileSize);
        if (m.Voice is { } voice) return new Attachment(AttachmentKind.Voice, voice.FileId, MimeType: voice.MimeType, FileSize: voice.FileSize);
        if (m.Document is { } document) return new Attachment(AttachmentKind.Document, document.FileId, document.FileName, document.MimeType, document.FileSize);
        if (m.Audio is { } audio) return new Attachment(AttachmentKind.Audio, audio.FileId, audio.FileName, audio.MimeType, audio.FileSize);
        if (m.Video is { } video) return new Attachment(AttachmentKind.Video, video.FileId, video.FileName, video.MimeType, video.FileSize);
        if (m.VideoNote is { } note) return new Attachment(AttachmentKind.VideoNote, note.FileId, FileSize: note.FileSize);
        if (m.Animation is { } animation) return new Attachment(AttachmentKind.Animation, animation.FileId, animation.FileName, animation.MimeType, animation.FileSize);
        return null;
    }

    private static IncomingMessage FromButtonPress(CallbackQuery press, string messenger)
    {
        // The pressed message's chat; a private chat's id is the user's id on both messengers.
        var chatId = press.Message?.Chat.Id ?? press.From.Id;
        var kind = press.Message is null ? ChatKind.Private : Kind(press.Message.Chat.Type);
        return new IncomingMessage(new ChatAddress(messenger, chatId), kind, IncomingKind.ButtonPress, Sender(press.From),
            MessageId: press.Message?.MessageId, ButtonData: press.Data, ButtonPressId: press.Id,
            ThreadId: press.Message is { IsTopicMessage: true } pressed ? pressed.MessageThreadId : null);
    }

    private static IncomingMessage FromMembership(ChatMemberUpdated change, string messenger)
    {
        var joined = change.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator or ChatMemberStatus.Creator;
        return new IncomingMessage(new ChatAddress(messenger, change.Chat.Id), Kind(change.Chat.Type), IncomingKind.Membership,
            Sender(change.From), ChatTitle: change.Chat.Title, BotJoined: joined);
    }

    private static Sender? Sender(User? user) =>
        user is null ? null : new Sender(user.Id, user.FirstName, user.LastName, user.Username);

    /// <summary>Telegram's group and supergroup and Bale's group are all one kind of chat to the bot.</summary>
    private static ChatKind Kind(ChatType type) => type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Group,
    };
}
