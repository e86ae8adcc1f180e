using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Turns;

/// <summary>
/// Decides what an update means. Every update that comes from a person gets an answer that says what
/// to do next; what the bot cannot use changes nothing.
/// </summary>
public sealed class TurnRouter(AssemblyOptions assembly) : ITurnHandler
{
    /// <summary>The most a Telegram text message can hold; Bale is held to the same so both behave alike.</summary>
    public const int MaxTextLength = 4096;

    private const string HelpButtonData = "help";

    public async Task HandleAsync(Turn turn, CancellationToken ct)
    {
        var arrived = await ChatDirectory.TouchAsync(turn.Db, turn.In, turn.Now, ct);

        if (turn.In.ChatKind == ChatKind.Private)
            HandlePrivate(turn);
        else
            HandleGroup(turn, arrived);
    }

    private void HandlePrivate(Turn turn)
    {
        var message = turn.In;
        switch (message.Kind)
        {
            case IncomingKind.Text:
                HandleText(turn, PersianText.CleanInput(message.Text));
                break;
            case IncomingKind.ButtonPress:
                HandleButton(turn);
                break;
            case IncomingKind.Edited:
                turn.Reply(Texts.EditIgnored);
                break;
            case IncomingKind.Media or IncomingKind.Contact or IncomingKind.Location:
                turn.Reply(Texts.TextExpected);
                break;
            case IncomingKind.Membership or IncomingKind.Other:
                // Nobody is waiting for an answer: the chat record is all it changes.
                break;
        }
    }

    private void HandleText(Turn turn, string text)
    {
        if (text.Length == 0)
        {
            turn.Reply(Texts.EmptyText);
            return;
        }

        if (text.Length > MaxTextLength)
        {
            turn.Reply(Texts.TooLong(text.Length, MaxTextLength));
            return;
        }

        if (text == Texts.HelpButton)
        {
            turn.Reply(Texts.Help(assembly.Name));
            return;
        }

        if (!CommandText.TryParse(text, out var command))
        {
            turn.Reply(Texts.NoOpenConversation);
            return;
        }

        switch (command.Name)
        {
            case "start":
                turn.Reply(Texts.Welcome(turn.In.From?.FirstName, assembly.Name), HelpKeyboard);
                break;
            case "help":
                turn.Reply(Texts.Help(assembly.Name));
                break;
            default:
                turn.Reply(Texts.UnknownCommand("/" + command.Name));
                break;
        }
    }

    private void HandleButton(Turn turn)
    {
        if (turn.In.ButtonData == HelpButtonData)
        {
            turn.AnswerButton();
            turn.Reply(Texts.Help(assembly.Name));
            return;
        }

        // A button of a message from an earlier step, or from before a restart: say so, change nothing.
        turn.AnswerButton(Texts.StaleButton);
    }

    private void HandleGroup(Turn turn, bool botArrived)
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

        // In a group the bot speaks only when called by a command; the rest of the talk is not for it.
        if (message.Kind == IncomingKind.Text && CommandText.TryParse(PersianText.CleanInput(message.Text), out _))
            turn.Reply(Texts.UsePrivateChat);
    }

    private static readonly InlineKeyboard HelpKeyboard = new([[new InlineButton(Texts.HelpButton, HelpButtonData)]]);
}
