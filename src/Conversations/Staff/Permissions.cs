namespace Assembly.Conversations.Staff;

/// <summary>
/// Which role each command beyond the members' own needs: the one table every command and button is checked against
/// (<see cref="StaffDesk"/> for staff and admin work, <c>PrivateChat</c> for the organizers' conversations and for the
/// commands anybody may send, member or not).
/// </summary>
public static class Permissions
{
    /// <summary>
    /// <see cref="Team"/>: staff (for their own secretariats' reports) or organizers and admins (for all).
    /// <see cref="Anyone"/>: whoever writes, a member or not (<c>/claim</c> in a private chat only).
    /// </summary>
    public enum Need { Staff, Organizer, Admin, Team, Anyone }

    /// <summary>
    /// Who runs a command: the staff desk answers at once (<see cref="StaffDesk"/>); the member side (<c>PrivateChat</c>)
    /// runs those that start a conversation or need no role.
    /// </summary>
    private enum Desk { Staff, Member }

    private sealed record Rule(Need Need, Desk Desk);

    private static readonly Dictionary<string, Rule> Commands = new()
    {
        ["inbox"] = new(Need.Staff, Desk.Staff), ["show"] = new(Need.Staff, Desk.Staff), ["reply"] = new(Need.Staff, Desk.Staff),
        ["note"] = new(Need.Staff, Desk.Staff), ["stage"] = new(Need.Staff, Desk.Staff), ["route"] = new(Need.Staff, Desk.Staff),
        ["close"] = new(Need.Staff, Desk.Staff), ["followup"] = new(Need.Staff, Desk.Staff),
        ["announce"] = new(Need.Organizer, Desk.Member), ["broadcasts"] = new(Need.Organizer, Desk.Member),
        ["meeting"] = new(Need.Organizer, Desk.Member), ["reschedule"] = new(Need.Organizer, Desk.Member),
        ["cancelmeeting"] = new(Need.Organizer, Desk.Member), ["outcome"] = new(Need.Organizer, Desk.Member),
        ["place"] = new(Need.Organizer, Desk.Member),
        ["stats"] = new(Need.Team, Desk.Staff), ["export"] = new(Need.Team, Desk.Staff), ["summary"] = new(Need.Team, Desk.Staff),
        ["staff"] = new(Need.Admin, Desk.Staff), ["grant"] = new(Need.Admin, Desk.Staff), ["revoke"] = new(Need.Admin, Desk.Staff),
        // With a person named; a member's own /forget (no one named) needs no role.
        ["forget"] = new(Need.Admin, Desk.Member),
        ["whoami"] = new(Need.Anyone, Desk.Member), ["claim"] = new(Need.Anyone, Desk.Member),
    };

    /// <summary>A command the staff desk answers (the rest of the team's start conversations, which the member side runs).</summary>
    public static bool RunsAtStaffDesk(string command) => Commands.TryGetValue(command, out var rule) && rule.Desk == Desk.Staff;

    /// <summary>
    /// Staff work (and the team's statistics, whose files still go to the asker's private chat) may be done in a
    /// secretariat's staff chat too; organizer and admin work only in a private chat, where its answers reach nobody else.
    /// </summary>
    public static bool WorksInStaffChat(string command) => Commands.TryGetValue(command, out var rule) && rule.Need is Need.Staff or Need.Team;

    public static bool Allows(Actor actor, string command) => Commands.TryGetValue(command, out var rule) && rule.Need switch
    {
        Need.Staff => actor.IsStaff,
        Need.Organizer => actor.IsAdmin || actor.IsOrganizer,
        Need.Team => actor.HasRole,
        Need.Anyone => true,
        _ => actor.IsAdmin,
    };
}
