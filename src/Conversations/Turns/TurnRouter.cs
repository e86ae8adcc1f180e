using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Turns;

/// <summary>
/// Decides what an update means. Every update that comes from a person gets an answer that says what
/// to do next; what the bot cannot use changes nothing.
/// </summary>
public sealed class TurnRouter(AssemblyOptions assembly, PrivateChat privateChat, Staff.StaffDesk staff) : ITurnHandler
{
    private readonly Commands.CommandDispatcher _commands = new(privateChat.Context, staff);

    public async Task HandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.In.ChatKind == ChatKind.Private)
        {
            await HandlePrivateAsync(turn, ct);
            return;
        }

        var arrived = await ChatDirectory.TouchAsync(turn.Db, turn.In, turn.Now, ct);
        // A group works with the bot only as a secretariat's staff chat, and there only on that secretariat's reports.
        var staffChatOf = await Staff.StaffChats.SecretariatsOfAsync(turn.Db, assembly, turn.In.Chat, ct);
        if (staffChatOf.Count > 0)
        {
            // The member behind the account: a grant to a proved number is theirs in the staff chat too.
            turn.Sender = turn.In.From is { } from ? await Members.MemberDirectory.ByAccountAsync(turn.Db, turn.In.Messenger, from.UserId, ct) : null;
            var handled = turn.In.Kind == IncomingKind.ButtonPress
                ? await _commands.TryButtonAsync(turn, conversation: null, chat: null, staffChatOf, ct)
                : await _commands.TryStaffChatAsync(turn, staffChatOf, ct) || await staff.TryTopicNoteAsync(turn, staffChatOf, ct)
                  || await staff.TryReplyToPostAsync(turn, staffChatOf, ct);
            if (handled) return;
        }

        await HandleGroupAsync(turn, arrived, ct);
    }

    private async Task HandlePrivateAsync(Turn turn, CancellationToken ct)
    {
        var message = turn.In;
        // The chat, its conversation and the member, in one query.
        var rows = await HotQueries.PrivateTurn(turn.Db, message.Messenger, message.Chat.ChatId, message.From?.UserId, ct);
        ChatDirectory.Touch(turn.Db, message, turn.Now, rows.Chat);
        turn.Sender = rows.Member;
        await privateChat.HandleAsync(turn, rows.Conversation, ct);
    }

    private async Task HandleGroupAsync(Turn turn, bool botArrived, CancellationToken ct)
    {
        var message = turn.In;
        if (message.Kind == IncomingKind.Membership)
        {
            // Telegram tells of the bot's arrival twice (my_chat_member and new_chat_members): introduce once.
            if (botArrived && message.ChatKind == ChatKind.Group)
                turn.Reply(Texts.GroupIntro(assembly.Name));
            return;
        }

        if (message.Kind == IncomingKind.ButtonPress)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        // A command the bot does not do here is answered in private, in one line: the group sees nothing, and the rest
        // of the talk is not for the bot at all.
        // (Only to somebody who started the bot: the messenger refuses a first message to anybody else.)
        if (message.Kind == IncomingKind.Text && message.From is { } from && CommandText.TryParse(PersianText.CleanInput(message.Text), out _)
            && await ChatDirectory.PrivateChatAsync(turn.Db, message.Messenger, from.UserId, ct) is { } privateChat)
            turn.Send(privateChat, ChatKind.Private, new TextMessage(Texts.UsePrivateChat), OutboxPriority.Interactive);
    }
}
