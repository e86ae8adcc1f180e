using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Commands;

/// <summary>
/// Runs what the <see cref="CommandCatalog"/> declares: finds the command or button, checks the role and the place,
/// and calls its handler. Whoever may not use a command is answered as for one that does not exist; a button they
/// may not press is stale.
/// </summary>
public sealed class CommandDispatcher(FlowContext context, StaffDesk staff)
{
    /// <summary>A command or an alias typed in a private chat; false when the text is neither (a flow's answer, say).</summary>
    public async Task<bool> TryPrivateAsync(Turn turn, string text, Conversation? conversation, PrivateChat chat, CancellationToken ct)
    {
        Command? command;
        string typed, arguments;
        if (CommandText.TryParse(text, out var parsed))
        {
            (typed, arguments) = (parsed.Name, parsed.Arguments);
            command = CommandCatalog.Find(parsed.Name, parsed.Arguments);
        }
        else if (CommandCatalog.ByAlias(text) is { } aliased)
        {
            (typed, arguments, command) = (aliased.Name, "", aliased);
        }
        else
        {
            return false;
        }

        var call = new CommandCall(turn, typed, arguments, new CallPlace(conversation, null, chat), context, staff);
        if (command is null || !command.Places.HasFlag(Places.Private) || !await AllowsAsync(call, command.Need, ct))
        {
            turn.Reply(command is null ? Texts.UnknownCommand("/" + typed) : Refusal(command, turn.Sender));
            return true;
        }

        await command.Handler(call, ct);
        return true;
    }

    /// <summary>
    /// A command in a secretariat's staff chat; false when it is not one that works there for this person, so the
    /// group hears nothing of it (the router tells them in private).
    /// </summary>
    public async Task<bool> TryStaffChatAsync(Turn turn, IReadOnlyList<string> staffChatOf, CancellationToken ct)
    {
        if (turn.In is not { Kind: IncomingKind.Text, From: not null }
            || !CommandText.TryParse(PersianText.CleanInput(turn.In.Text), out var parsed)
            || CommandCatalog.Find(parsed.Name, parsed.Arguments) is not { } command
            || !command.Places.HasFlag(Places.StaffChat))
            return false;

        var call = new CommandCall(turn, parsed.Name, parsed.Arguments, new CallPlace(null, staffChatOf, null), context, staff);
        if (!await AllowsAsync(call, command.Need, ct)) return false;
        await command.Handler(call, ct);
        return true;
    }

    /// <summary>
    /// A button press. In a private chat it is always answered (stale when nothing here takes it); in a staff chat,
    /// false when it is not a button of that chat, for the router to answer.
    /// </summary>
    public async Task<bool> TryButtonAsync(Turn turn, Conversation? conversation, PrivateChat? chat, IReadOnlyList<string>? staffChatOf, CancellationToken ct)
    {
        var data = turn.In.ButtonData ?? "";
        var place = staffChatOf is null ? Places.Private : Places.StaffChat;
        if (turn.In.From is null || CommandCatalog.ButtonFor(data) is not { } route || !route.Places.HasFlag(place))
        {
            if (place == Places.StaffChat) return false;
            turn.AnswerButton(Texts.StaleButton);
            return true;
        }

        var call = new CommandCall(turn, route.Prefix, data, new CallPlace(conversation, staffChatOf, chat), context, staff);
        // Not allowed (or no longer): an old button does nothing.
        if (!await AllowsAsync(call, route.Need, ct)) turn.AnswerButton(Texts.StaleButton);
        else await route.Handler(call, ct);
        return true;
    }

    /// <summary>
    /// The role check. The actor is read only when a role is needed (a member's own commands cost no query); in a
    /// staff chat only that chat's staff are answered at all.
    /// </summary>
    private static async Task<bool> AllowsAsync(CommandCall call, Need need, CancellationToken ct)
    {
        if (!call.InStaffChat)
        {
            if (need == Need.Anyone) return true;
            if (need == Need.Member) return call.Member is not null;
        }

        var actor = await call.ActorAsync(ct);
        return (!call.InStaffChat || actor.IsStaff) && CommandCatalog.Allows(actor, need);
    }

    /// <summary>What somebody who may not use a command is told: that they must register, or as for any unknown command.</summary>
    private static string Refusal(Command command, Member? member) =>
        command.Need == Need.Member ? Texts.RegisterFirst
        : member is not null && command.RefusedToMembers is { } told ? told
        : Texts.UnknownCommand("/" + command.Name);
}
