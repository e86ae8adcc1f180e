using Assembly.Storage;
using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A member's private chat with the bot: commands and the main menu, button presses, and the answers to
/// whichever guided conversation is under way. Input that cannot be used gets a clear answer and leaves
/// the conversation where it was.
/// </summary>
public sealed class PrivateChat(FlowContext context, Staff.StaffDesk staff)
{
    /// <summary>The most a Telegram text message can hold; Bale is held to the same so both behave alike.</summary>
    public const int MaxTextLength = 4096;

    private const string HelpButtonData = "help";
    private readonly FlowPool _flows = new(context);
    private static readonly InlineKeyboard HelpKeyboard = new([[new InlineButton(Texts.HelpButton, HelpButtonData)]]);

    /// <param name="conversation">The chat's conversation, as the router read it with the chat (<see cref="HotQueries.PrivateTurn"/>).</param>
    public async Task HandleAsync(Turn turn, Conversation? conversation, CancellationToken ct)
    {
        var message = turn.In;
        var member = turn.Sender;
        if (await staff.TryHandleAsync(turn, member, staffChatOf: null, ct)) return;

        switch (message.Kind)
        {
            case IncomingKind.ButtonPress:
                await HandleButtonAsync(turn, conversation, member, ct);
                return;
            case IncomingKind.Edited:
                turn.Reply(Texts.EditIgnored);
                return;
            case IncomingKind.Membership or IncomingKind.Other:
                return; // nobody waits for an answer
        }

        var text = message.Kind == IncomingKind.Text ? PersianText.CleanInput(message.Text) : "";
        if (message.Kind == IncomingKind.Text)
        {
            if (text.Length == 0) { turn.Reply(Texts.EmptyText); return; }
            if (text.Length > MaxTextLength) { turn.Reply(Texts.TooLong(text.Length, MaxTextLength)); return; }
            if (await HandleCommandAsync(turn, text, conversation, member, ct)) return;
        }

        if (conversation is { Active: true })
        {
            var input = new FlowInput(message, text, Choice: null);
            if (input.IsCancel) { Cancel(turn, conversation, member); return; }
            await ContinueAsync(turn, conversation, input, ct);
            return;
        }

        if (member is null)
            turn.Reply(Texts.RegisterFirst);
        else if (message.Kind == IncomingKind.Contact)
            await PhoneOwnership.ConfirmAsync(turn, member, context, ct);
        else if (message.Kind == IncomingKind.Text && TrackingCode.TryParse(text, out var code))
            await MyReports.ShowAsync(turn, member, code, context, ct);
        else
            turn.Reply(message.Kind == IncomingKind.Text ? Texts.NoOpenConversation : Texts.TextExpected, MainMenu.Keyboard);
    }

    /// <summary>Commands and menu labels work at every step; true when the text was one.</summary>
    private async Task<bool> HandleCommandAsync(Turn turn, string text, Conversation? conversation, Member? member, CancellationToken ct)
    {
        var command = CommandText.TryParse(text, out var parsed) ? parsed.Name
            : text switch
            {
                Texts.MenuReport => "report",
                Texts.MenuMyReports => "myreports",
                Texts.MenuMeetings => "meetings",
                Texts.MenuHelp => "help",
                Texts.Cancel => "cancel", // the «لغو» of a reply keyboard, with no conversation to hold it
                _ => null,
            };
        switch (command)
        {
            case null:
                return false;
            case "cancel":
                if (conversation is { Active: true }) Cancel(turn, conversation, member);
                else turn.Reply(Texts.NothingToCancel, member is null ? null : MainMenu.Keyboard);
                return true;
            case "start" when member is not null:
                if (conversation is { Active: true }) End(conversation);
                turn.Reply(Texts.WelcomeBack(member.Name), MainMenu.Keyboard);
                return true;
            case "start" when conversation is { Active: true, Flow: RegistrationFlow.Name }:
                // Already registering: ask the question of the step they are at, without starting over.
                await ContinueAsync(turn, conversation, null, ct);
                return true;
            case "start":
                await StartAsync(turn, conversation, RegistrationFlow.Name, RegistrationFlow.InitialState, ct);
                return true;
            case "help":
                turn.Reply(Texts.Help(context.Assembly.Name), member is null ? HelpKeyboard : MainMenu.Keyboard);
                return true;
            case "whoami":
                // In the very form /grant takes, in a fixed-width font that a tap copies.
                var account = new Organisation.AccountRef(turn.In.Messenger, turn.In.From!.UserId).ToString();
                turn.Reply(Texts.WhoAmI(account), member is null ? null : MainMenu.Keyboard, [account]);
                return true;
            case "claim":
                await Staff.AdminClaim.ClaimAsync(turn, await staff.ActorAsync(turn, member, ct), parsed.Arguments, context, ct);
                return true;
            case "report" or "myreports" or "mute" or "unmute" or "verify" when member is null:
                turn.Reply(Texts.RegisterFirst);
                return true;
            case "report":
                await StartAsync(turn, conversation, ReportFlow.Name, ReportFlow.InitialState, ct);
                return true;
            case "verify":
                if (conversation is { Active: true }) End(conversation);
                turn.Reply(Texts.AskVerify, new ReplyKeyboard([[Texts.ShareMyNumber], [Texts.Cancel]], RequestContactOnFirst: true));
                return true;
            case "myreports":
                if (conversation is { Active: true }) End(conversation);
                await MyReports.ListAsync(turn, member!, context, ct);
                return true;
            case "meetings":
                await Meetings.MeetingDesk.ListAsync(turn, member, await staff.ActorAsync(turn, member, ct), context, ct);
                return true;
            case "forget":
                await ForgetAsync(turn, conversation, member, parsed.Arguments, ct);
                return true;
            case "mute" or "unmute" when member is not null:
                member.MutedAnnouncements = command == "mute";
                turn.Reply(command == "mute" ? Texts.Muted : Texts.Unmuted, MainMenu.Keyboard);
                return true;
            case "announce" or "broadcasts" or "meeting" or "reschedule" or "cancelmeeting" or "outcome" or "place":
                // Checked against the one permission table; anybody else is answered as for any unknown command.
                if (!Staff.Permissions.Allows(await staff.ActorAsync(turn, member, ct), command))
                {
                    turn.Reply(Texts.UnknownCommand("/" + command));
                    return true;
                }

                var args = parsed.Arguments;
                switch (command)
                {
                    case "broadcasts": await Announcements.BroadcastReport.ShowAsync(turn, context, ct); break;
                    case "announce": await StartAsync(turn, conversation, AnnounceFlow.Name, AnnounceFlow.InitialState, ct); break;
                    case "meeting": await StartAsync(turn, conversation, MeetingFlow.Name, MeetingFlow.InitialState, ct); break;
                    case "reschedule": await Meetings.MeetingDesk.RescheduleAsync(turn, args, context, ct); break;
                    case "place": await Meetings.MeetingDesk.MoveAsync(turn, args, context, ct); break;
                    case "outcome":
                        if (await Meetings.MeetingDesk.HeldAsync(turn, args, ct) is { } held)
                            await StartAsync(turn, conversation, OutcomeFlow.Name, OutcomeFlow.InitialState, ct, flow => ((OutcomeFlow)flow).For(held.Id));

                        break;
                    default: await Meetings.MeetingDesk.CancelAsync(turn, args, context, ct); break;
                }

                return true;
            default:
                turn.Reply(Texts.UnknownCommand("/" + command));
                return true;
        }
    }

    /// <summary>
    /// <c>/forget</c>: members ask to be forgotten themselves; <c>/forget WHO</c> is an admin's, for a member, and to
    /// anybody else it is a command like any unknown one. Either way a question first, and the confirm button does it.
    /// </summary>
    private async Task ForgetAsync(Turn turn, Conversation? conversation, Member? member, string who, CancellationToken ct)
    {
        if (who.Length == 0)
        {
            if (member is null) turn.Reply(Texts.RegisterFirst);
            else await StartAsync(turn, conversation, ForgetFlow.Name, ForgetFlow.InitialState, ct, flow => ((ForgetFlow)flow).For(member.Id, described: null));
            return;
        }

        if (!Staff.Permissions.Allows(await staff.ActorAsync(turn, member, ct), "forget"))
        {
            turn.Reply(member is null ? Texts.UnknownCommand("/forget") : Texts.ForgetSelfOnly);
            return;
        }

        if (await ForgetTarget.FindAsync(turn, who, ct) is { } target)
            await StartAsync(turn, conversation, ForgetFlow.Name, ForgetFlow.InitialState, ct, flow => ((ForgetFlow)flow).For(target.Id, target.Described));
    }

    private async Task HandleButtonAsync(Turn turn, Conversation? conversation, Member? member, CancellationToken ct)
    {
        var data = turn.In.ButtonData;
        if (FlowButtons.TryRead(data, out var step, out var value))
        {
            // A button of an earlier step, of a finished conversation, or pressed twice: it acts no more.
            if (conversation is not { Active: true } || conversation.Step != step)
            {
                turn.AnswerButton(Texts.StaleButton);
                return;
            }

            turn.AnswerButton();
            if (value == FlowButtons.CancelValue) { Cancel(turn, conversation, member); return; }
            await ContinueAsync(turn, conversation, new FlowInput(turn.In, "", value), ct);
            return;
        }

        if (data == HelpButtonData)
        {
            turn.AnswerButton();
            turn.Reply(Texts.Help(context.Assembly.Name), member is null ? null : MainMenu.Keyboard);
            return;
        }

        if (member is not null && data?.StartsWith(MyReports.ShowPrefix, StringComparison.Ordinal) == true)
        {
            turn.AnswerButton();
            await MyReports.ShowAsync(turn, member, data[MyReports.ShowPrefix.Length..], context, ct);
            return;
        }

        if (data?.StartsWith(Meetings.MeetingNotices.RsvpPrefix, StringComparison.Ordinal) == true)
        {
            await Meetings.MeetingDesk.RsvpAsync(turn, member, data, context, ct);
            return;
        }

        if (member is not null && data?.StartsWith(Staff.Satisfaction.Prefix, StringComparison.Ordinal) == true)
        {
            await Staff.Satisfaction.AnswerAsync(turn, member, data, context, ct);
            return;
        }

        if (member is not null && data?.StartsWith(MyReports.AddPrefix, StringComparison.Ordinal) == true)
        {
            turn.AnswerButton();
            var code = data[MyReports.AddPrefix.Length..];
            await StartAsync(turn, conversation, AddToReportFlow.Name, AddToReportFlow.InitialState, ct, flow => ((AddToReportFlow)flow).For(code));
            return;
        }

        turn.AnswerButton(Texts.StaleButton);
    }

    /// <summary>Starts a flow in this chat, replacing whatever conversation was under way.</summary>
    /// <param name="prepare">Gives the new flow what it is for (a report, a session) before it asks its first question.</param>
    private async Task StartAsync(Turn turn, Conversation? row, string flow, string initialState, CancellationToken ct, Action<IFlow>? prepare = null)
    {
        if (row is null)
        {
            row = new Conversation { Messenger = turn.In.Messenger, ChatId = turn.In.Chat.ChatId };
            turn.Db.Conversations.Add(row);
        }

        row.Flow = flow;
        row.State = initialState;
        row.Data = "{}";
        row.Step++; // buttons of whatever came before are stale from now on
        row.StartedAt = turn.Now;
        row.UpdatedAt = turn.Now;
        row.ExpiresAt = turn.Now.AddMinutes(context.Conversations.IdleMinutes);
        var started = _flows.Rent(row);
        prepare?.Invoke(started);
        await started.StartAsync(turn, ct);
        // Not in a finally: a flow whose turn threw is dropped rather than lent again.
        _flows.Return(started);
    }

    /// <summary>The team's conversations, by the command that starts them: the role is checked again at every answer.</summary>
    private static readonly Dictionary<string, string> CommandOfFlow = new()
    {
        [AnnounceFlow.Name] = "announce", [MeetingFlow.Name] = "meeting", [OutcomeFlow.Name] = "outcome",
    };

    /// <summary>Hands an answer to the conversation under way (or, with no answer, asks its current question again).</summary>
    private async Task ContinueAsync(Turn turn, Conversation row, FlowInput? input, CancellationToken ct)
    {
        var flow = _flows.Rent(row);
        // A role revoked while its conversation was under way must not do what it started (the last press does it).
        var command = flow is ForgetFlow { ForAnother: true } ? "forget" : CommandOfFlow.GetValueOrDefault(row.Flow);
        if (command is not null && !Staff.Permissions.Allows(await staff.ActorAsync(turn, turn.Sender, ct), command))
        {
            _flows.Return(flow);
            End(row);
            turn.Reply(Texts.RoleGone, turn.Sender is null ? null : MainMenu.Keyboard);
            return;
        }

        if (input is null) await flow.StartAsync(turn, ct);
        else await flow.HandleAsync(turn, input, ct);
        var finished = flow.Finished;
        _flows.Return(flow);
        if (finished) End(row);
        else row.ExpiresAt = turn.Now.AddMinutes(context.Conversations.IdleMinutes);
    }

    private static void Cancel(Turn turn, Conversation row, Member? member)
    {
        End(row);
        turn.Reply(Texts.Cancelled, member is null ? new RemoveKeyboard() : MainMenu.Keyboard);
    }

    /// <summary>Nothing half-made is kept: the answers go with the conversation.</summary>
    public static void End(Conversation row)
    {
        row.Flow = "";
        row.State = "";
        row.Data = "{}";
        row.Step++;
        row.ExpiresAt = null;
    }
}
