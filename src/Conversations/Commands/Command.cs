namespace Assembly.Conversations.Commands;

public delegate Task CommandHandler(CommandCall call, CancellationToken ct);

/// <summary>
/// One command, declared once: what is typed (<c>/name</c> or a Persian alias), who may use it, where, what runs,
/// and how the help and the messenger's menu describe it.
/// </summary>
/// <param name="Name">Latin (<c>a-z</c>, <c>0-9</c>, <c>_</c>): the messenger's menu accepts nothing else.</param>
/// <param name="Usage">What follows the name in the help (Persian placeholders), empty when nothing does.</param>
/// <param name="Description">The help line's Persian text, after the dash; the menu's too unless <see cref="MenuText"/> says otherwise.</param>
public sealed record Command(string Name, Need Need, Places Places, string Usage, string Description, CommandHandler Handler)
{
    /// <summary>Typed text meaning the same in a private chat: the menu's button labels and «لغو».</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Which arguments make it this command rather than another of the same name.</summary>
    public Arguments Takes { get; init; } = Arguments.Any;

    /// <summary>The help section it is listed in when that is not its <see cref="Need"/>'s.</summary>
    public Need? ListedUnder { get; init; }

    /// <summary>The menu's description when the help's would not read well there.</summary>
    public string? MenuText { get; init; }

    /// <summary>
    /// The conversation it starts when that conversation is the team's alone: its role is checked again at every
    /// answer, so one revoked half-way does not finish what it started.
    /// </summary>
    public string? Flow { get; init; }

    /// <summary>What a registered member who may not use it is told, when that may be said (they are told nothing of roles).</summary>
    public string? RefusedToMembers { get; init; }

    /// <summary>The help section: members' for what needs no role.</summary>
    public Need Section => ListedUnder ?? (Need is Need.Anyone or Need.Member ? Need.Member : Need);

    public bool Matches(string arguments) => Takes switch
    {
        Arguments.None => arguments.Length == 0,
        Arguments.Required => arguments.Length > 0,
        _ => true,
    };
}

/// <summary>One kind of inline button, by the prefix of its data: who may press it, where, and what runs.</summary>
public sealed record ButtonRoute(string Prefix, Need Need, Places Places, CommandHandler Handler);
