using Assembly.Conversations.Commands;
using Assembly.Storage;
using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A member's private chat with the bot: routes commands and buttons to the <see cref="CommandCatalog"/>, and the
/// answers to whichever guided conversation is under way to its flow. Input that cannot be used gets a clear answer
/// and leaves the conversation where it was.
/// </summary>
public sealed class PrivateChat(FlowContext context, Staff.StaffDesk staff)
{
    /// <summary>The most a Telegram text message can hold; Bale is held to the same so both behave alike.</summary>
    public const int MaxTextLength = 4096;

    private readonly FlowPool _flows = new(context);

    public FlowContext Context => context;
    private readonly CommandDispatcher _commands = new(context, staff);

    /// <param name="conversation">The chat's conversation, as the router read it with the chat (<see cref="HotQueries.PrivateTurn"/>).</param>
    public async Task HandleAsync(Turn turn, Conversation? conversation, CancellationToken ct)
    {
        var message = turn.In;
        var member = turn.Sender;
        switch (message.Kind)
        {
            case IncomingKind.ButtonPress:
                await _commands.TryButtonAsync(turn, conversation, this, staffChatOf: null, ct);
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
            // Asked whether to continue a draft, the member went elsewhere: the draft stays as it was.
            if (conversation is not null && IsMenuOrCommand(text)) Drafts.Unresume(conversation);
            if (conversation is not null && LeavesReport(conversation, text))
            {
                turn.Reply(Texts.AskDropReport, FlowButtons.Keyboard(conversation.Step,
                    [(Texts.KeepReporting, ReportFlow.KeepGoing), (Texts.DropReporting, ReportFlow.DropReport)], back: false));
                return;
            }

            // Commands and the menu's labels work at every step.
            if (await _commands.TryPrivateAsync(turn, text, conversation, this, ct)) return;
        }
        else if (message is { Kind: IncomingKind.Media, ReplyToMessageId: not null } && await staff.TryReplyToPostAsync(turn, staffChatOf: null, ct))
            return; // a staff member's file, as a reply to the bot's message about a report

        // The reporter's reply to a message about their report belongs to that report, whatever is under way here
        // (which stays where it was).
        if (await ReporterThread.TryReplyAsync(turn, text, context, ct)) return;
        if (message.Kind == IncomingKind.Text && await staff.TryReplyToPostAsync(turn, staffChatOf: null, ct)) return;

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
        else if (message.Kind == IncomingKind.Text)
            // Kept until the member says where it belongs: a new report, or one of theirs still open.
            await StartAsync(turn, conversation, FreeTextFlow.Name, FreeTextFlow.InitialState, ct, flow => ((FreeTextFlow)flow).Keep(text));
        else
            turn.Reply(Texts.TextExpected, MainMenu.Keyboard);
    }

    /// <summary>
    /// A menu button (or its command) pressed in the middle of a report with answers in it: it would drop what was
    /// written, so the member is asked first. Help and «لغو» are not asked about: one drops nothing, the other is meant.
    /// </summary>
    private static bool LeavesReport(Conversation conversation, string text) =>
        (text is Texts.MenuReport or Texts.MenuMyReports or Texts.MenuMeetings
         || (CommandText.TryParse(text, out var command) && command.Name is "report" or "myreports" or "meetings" or "start"))
        && Drafts.Worth(conversation);

    private static bool IsMenuOrCommand(string text) =>
        text is Texts.MenuReport or Texts.MenuMyReports or Texts.MenuMeetings or Texts.MenuHelp
        || (CommandText.TryParse(text, out var command) && command.Name != "cancel"); // «لغو» keeps the draft and says so

    /// <summary>A press of a conversation's button: acts only on the step it was made for.</summary>
    internal async Task FlowButtonAsync(Turn turn, Conversation? conversation, CancellationToken ct)
    {
        FlowButtons.TryRead(turn.In.ButtonData, out var step, out var value);
        // A button of an earlier step, of a finished conversation, or pressed twice: it acts no more.
        if (conversation is not { Active: true } || conversation.Step != step)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        turn.AnswerButton();
        if (value == FlowButtons.CancelValue) { Cancel(turn, conversation, turn.Sender); return; }
        await ContinueAsync(turn, conversation, new FlowInput(turn.In, "", value), ct);
    }

    /// <summary>Starts a flow in this chat, replacing whatever conversation was under way.</summary>
    /// <param name="prepare">Gives the new flow what it is for (a report, a session) before it asks its first question.</param>
    internal async Task StartAsync(Turn turn, Conversation? row, string flow, string initialState, CancellationToken ct, Action<IFlow>? prepare = null)
    {
        if (row is null)
        {
            row = new Conversation { Messenger = turn.In.Messenger, ChatId = turn.In.Chat.ChatId };
            turn.Db.Conversations.Add(row);
        }

        // «ثبت مسئله» over a kept draft first asks whether to continue it. Any other conversation, or a report started
        // with what the member already wrote, carries the draft and gives it back when it ends.
        var draft = Drafts.Find(row);
        var resume = flow == ReportFlow.Name && prepare is null && draft is not null;
        row.Flow = flow;
        row.State = resume ? ReportFlow.ResumeState : initialState;
        row.Data = resume ? Drafts.ForResume(draft!) : Drafts.Carry("{}", draft);
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

    /// <summary>Hands an answer to the conversation under way (or, with no answer, asks its current question again).</summary>
    internal async Task ContinueAsync(Turn turn, Conversation row, FlowInput? input, CancellationToken ct)
    {
        var flow = _flows.Rent(row);
        // A role revoked while its conversation was under way must not do what it started (the last press does it).
        var command = flow is ForgetFlow { ForAnother: true } ? MemberCommands.ForgetAnother : CommandCatalog.StartingFlow(row.Flow);
        if (command is not null && !CommandCatalog.Allows(await staff.ActorAsync(turn, turn.Sender, ct), command.Need))
        {
            _flows.Return(flow);
            End(row);
            turn.Reply(Texts.RoleGone, turn.Sender is null ? null : MainMenu.Keyboard);
            return;
        }

        if (input is null) await flow.StartAsync(turn, ct);
        else await flow.HandleAsync(turn, input, ct);
        var (finished, then) = (flow.Finished, flow.Then);
        _flows.Return(flow);
        if (then is not null) await StartAsync(turn, row, then.Flow, then.InitialState, ct, then.Prepare);
        else if (finished) End(row);
        else row.ExpiresAt = turn.Now.AddMinutes(context.Conversations.IdleMinutes);
    }

    internal static void Cancel(Turn turn, Conversation row, Member? member)
    {
        var kept = Drafts.Unresume(row) || End(row);
        turn.Reply(kept ? Texts.Cancelled + "\n" + Texts.DraftStillKept : Texts.Cancelled, member is null ? new RemoveKeyboard() : MainMenu.Keyboard);
    }

    /// <summary>
    /// The answers go with the conversation; a report's draft it carried comes back (<see cref="Drafts"/>), unless
    /// <paramref name="keepDraft"/> is false (the member is being forgotten).
    /// </summary>
    /// <returns>Whether a draft came back.</returns>
    public static bool End(Conversation row, bool keepDraft = true)
    {
        var draft = keepDraft ? Drafts.Carried(row.Data) : null;
        row.Flow = "";
        row.State = "";
        row.Data = "{}";
        row.Step++;
        row.ExpiresAt = null;
        return Drafts.Restore(row, draft);
    }
}
