namespace Assembly.Conversations.Commands;

/// <summary>
/// What a command or a button asks of the person using it. Whoever lacks it is answered as if the command did not
/// exist (a button as a stale one), except <see cref="Member"/>: a stranger is told to register first.
/// </summary>
public enum Need
{
    /// <summary>Whoever writes, registered or not.</summary>
    Anyone,

    /// <summary>A registered member.</summary>
    Member,

    /// <summary>Staff of a secretariat, for their own secretariats' reports (admins for all).</summary>
    Staff,

    /// <summary>An organizer or an admin.</summary>
    Organizer,

    /// <summary>Any team role: staff, organizer or admin.</summary>
    Team,

    /// <summary>An admin.</summary>
    Admin,
}

/// <summary>Where a command or a button works.</summary>
[Flags]
public enum Places
{
    /// <summary>The person's private chat with the bot.</summary>
    Private = 1,

    /// <summary>
    /// A secretariat's staff chat, for that secretariat's reports only and only for its staff: organizer and admin
    /// work is for the private chat, where its answers reach nobody else.
    /// </summary>
    StaffChat = 2,

    Both = Private | StaffChat,
}

/// <summary>Whether a command is the one meant, by its arguments (<c>/forget</c> alone and <c>/forget WHO</c> are two).</summary>
public enum Arguments
{
    Any,
    None,
    Required,
}
