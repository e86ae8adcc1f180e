using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Commands;

/// <summary>The help, made from the catalog: the members' part for everyone, then each team section the person's role opens.</summary>
public static class CommandHelp
{
    private static readonly (Need Section, string Title)[] TeamSections =
    [
        (Need.Staff, Texts.StaffHelpTitle),
        (Need.Organizer, Texts.OrganizerHelpTitle),
        (Need.Team, Texts.StatsHelpTitle),
        (Need.Admin, Texts.AdminHelpTitle),
    ];

    /// <summary>What somebody with no team role reads.</summary>
    public static string ForMembers(string assembly) => For(null, assembly);

    /// <summary>What this person reads: nobody learns of a command their role does not open.</summary>
    public static string For(Actor? actor, string assembly)
    {
        var help = Texts.HelpTitle(assembly) + "\n\n" + string.Join('\n', Lines(Need.Member)) + "\n\n" + Texts.HelpTrackingCode;
        foreach (var (section, title) in TeamSections.Where(s => CommandCatalog.Sees(actor, s.Section)))
            help += "\n\n" + title + "\n" + string.Join('\n', Lines(section));
        return help;
    }

    /// <summary>The lines of one section, in the catalog's order.</summary>
    public static IEnumerable<string> Lines(Need section) => CommandCatalog.Commands.Where(c => c.Section == section).Select(Line);

    /// <summary><c>description: دکمه «alias» یا /name usage</c>: Persian first (<see cref="Texts.HelpLine"/>).</summary>
    public static string Line(Command command) =>
        Texts.HelpLine(command.Description,
            string.Concat(command.Aliases.Select(Texts.HelpAlias)) + "/" + command.Name + (command.Usage.Length > 0 ? " " + command.Usage : ""));
}
