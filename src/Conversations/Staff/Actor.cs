using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// Who is acting and what they may do: admin (every secretariat), staff of some secretariats, organizer.
/// Roles come from configuration (<c>Access:Admins</c>, a secretariat's <c>Staff</c>) and from grants (an admin's
/// from a claim code).
/// </summary>
public sealed record Actor(string Account, Member? Member, bool IsAdmin, IReadOnlySet<string> StaffOf, bool IsOrganizer)
{
    public bool IsStaff => IsAdmin || StaffOf.Count > 0;

    /// <summary>Has any team role: sees the team's part of the help.</summary>
    public bool HasRole => IsStaff || IsOrganizer;

    /// <summary>May see and act on the reports of this secretariat.</summary>
    public bool Works(string secretariat) => IsAdmin || StaffOf.Contains(secretariat);

    /// <summary>
    /// The same person acting in a secretariat's staff chat: there they work that secretariat's reports only, and
    /// nothing else (organizer and admin work is for the private chat, where its answers reach nobody else).
    /// </summary>
    public Actor Within(IReadOnlyCollection<string> staffChatOf) =>
        this with { IsAdmin = false, IsOrganizer = false, StaffOf = staffChatOf.Where(Works).ToHashSet() };

    public static async Task<Actor> ResolveAsync(BotDbContext db, AssemblyOptions assembly, AccessOptions access,
        string messenger, long userId, Member? member, CancellationToken ct)
    {
        var account = new AccountRef(messenger, userId).ToString();
        var isAdmin = access.Admins.Any(a => Same(a, account));
        var staffOf = assembly.Secretariats.Where(s => s.Staff.Any(a => Same(a, account))).Select(s => s.Key).ToHashSet();
        // A phone grant is the member's only once they proved the number theirs (GrantHolders).
        var phone = member is { PhoneVerified: true, Phone: { } number } ? GrantHolders.ForPhone(number) : null;
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.RevokedAt == null && (g.Who == account || g.Who == phone))
            .Select(g => new { g.Role, g.Secretariat })
            .ToListAsync(ct);
        foreach (var grant in grants.Where(g => g is { Role: Role.Staff, Secretariat: not null }))
            staffOf.Add(grant.Secretariat!);
        isAdmin |= grants.Any(g => g.Role == Role.Admin);
        return new Actor(account, member, isAdmin, staffOf, grants.Any(g => g.Role == Role.Organizer));
    }

    private static bool Same(string configured, string account) =>
        AccountRef.TryParse(configured, out var parsed) && parsed.ToString() == account;
}
