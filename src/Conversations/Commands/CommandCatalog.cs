using Assembly.Conversations.Staff;

namespace Assembly.Conversations.Commands;

/// <summary>
/// Every command and every button prefix of the bot, each declared once by the part of the brain that runs it.
/// Dispatch (<see cref="CommandDispatcher"/>), the role check, the help (<see cref="CommandHelp"/>) and the
/// messenger's menu (<see cref="CommandMenu"/>) are all read from here. A new command is one entry in its owner's list.
/// </summary>
public static class CommandCatalog
{
    /// <summary>In the order the help lists them.</summary>
    public static IReadOnlyList<Command> Commands { get; } =
    [
        .. MemberCommands.Commands,
        .. StaffDesk.Commands,
        .. StaffDesk.ReadyCommands,
        .. Announcements.AnnouncementCommands.Commands,
        .. Meetings.MeetingDesk.Commands,
        .. Statistics.StatisticsDesk.Commands,
        .. RoleCommands.Commands,
        .. AdminClaim.Commands,
        .. MemberCommands.AdminCommands,
    ];

    public static IReadOnlyList<ButtonRoute> Buttons { get; } =
    [
        .. MemberCommands.Buttons,
        .. Meetings.MeetingDesk.Buttons,
        .. StaffDesk.Buttons,
        .. StaffDesk.StepButtons,
        .. StaffDesk.ReadyButtons,
        .. Inbox.Buttons,
        .. ReportView.Buttons,
    ];

    private static readonly ILookup<string, Command> ByName = Commands.ToLookup(c => c.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, Command> Aliases =
        Commands.SelectMany(c => c.Aliases.Select(a => (Alias: a, Command: c))).ToDictionary(p => p.Alias, p => p.Command, StringComparer.Ordinal);

    /// <summary>The command of this name meant by these arguments, if there is one.</summary>
    public static Command? Find(string name, string arguments) => ByName[name].FirstOrDefault(c => c.Matches(arguments));

    /// <summary>The command a typed text (already cleaned) stands for, if it is one of the aliases.</summary>
    public static Command? ByAlias(string text) => Aliases.GetValueOrDefault(text);

    public static ButtonRoute? ButtonFor(string data) => Buttons.FirstOrDefault(b => data.StartsWith(b.Prefix, StringComparison.Ordinal));

    /// <summary>The team command whose conversation this is, if it is one (its role is checked again at every answer).</summary>
    public static Command? StartingFlow(string flow) => Commands.FirstOrDefault(c => c.Flow == flow);

    public static bool Allows(Actor actor, Need need) => need switch
    {
        Need.Anyone => true,
        Need.Member => actor.Member is not null,
        Need.Staff => actor.IsStaff,
        Need.Organizer => actor.IsAdmin || actor.IsOrganizer,
        Need.Team => actor.HasRole,
        _ => actor.IsAdmin,
    };

    /// <summary>Whether this person sees a help section (and the menu entries of it).</summary>
    public static bool Sees(Actor? actor, Need section) =>
        section is Need.Anyone or Need.Member || (actor is not null && Allows(actor, section));
}
