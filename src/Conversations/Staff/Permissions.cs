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

    private static readonly Dictionary<string, Need> Commands = new()
    {
        ["inbox"] = Need.Staff, ["show"] = Need.Staff, ["reply"] = Need.Staff, ["note"] = Need.Staff, ["stage"] = Need.Staff,
        ["route"] = Need.Staff, ["close"] = Need.Staff, ["followup"] = Need.Staff,
        ["announce"] = Need.Organizer, ["broadcasts"] = Need.Organizer,
        ["meeting"] = Need.Organizer, ["reschedule"] = Need.Organizer, ["cancelmeeting"] = Need.Organizer, ["outcome"] = Need.Organizer, ["place"] = Need.Organizer,
        ["stats"] = Need.Team, ["export"] = Need.Team, ["summary"] = Need.Team,
        ["staff"] = Need.Admin, ["grant"] = Need.Admin, ["revoke"] = Need.Admin,
        // With a person named; a member's own /forget (no one named) needs no role (PrivateChat).
        ["forget"] = Need.Admin,
        ["whoami"] = Need.Anyone, ["claim"] = Need.Anyone,
    };

    public static bool IsTeamCommand(string command) => Commands.TryGetValue(command, out var need) && need != Need.Anyone;

    /// <summary>
    /// Staff work (and the team's statistics, whose files still go to the asker's private chat) may be done in a
    /// secretariat's staff chat too; organizer and admin work only in a private chat, where its answers reach nobody else.
    /// </summary>
    public static bool WorksInStaffChat(string command) => Commands.TryGetValue(command, out var need) && need is Need.Staff or Need.Team;

    public static bool Allows(Actor actor, string command) => Commands.TryGetValue(command, out var need) && need switch
    {
        Need.Staff => actor.IsStaff,
        Need.Organizer => actor.IsAdmin || actor.IsOrganizer,
        Need.Team => actor.HasRole,
        Need.Anyone => true,
        _ => actor.IsAdmin,
    };
}
