using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// <c>/grant WHO staff KEY</c>, <c>/grant WHO organizer</c>, <c>/revoke WHO ROLE [KEY]</c> and <c>/staff</c>, for
/// admins, in a private chat. WHO is a mobile number, <c>telegram:ID</c> or <c>bale:ID</c> (what <c>/whoami</c> shows
/// that person). The admin role is never granted here (it comes from the server: configuration or
/// a claim code), but a stored one can be revoked, unless that would leave the bot with no admin.
/// </summary>
public sealed class RoleCommands(Turn turn, Actor actor, FlowContext context, AccessOptions access)
{
    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("staff", Need.Admin, Places.Private, "", Texts.StaffListHelp, RunAsync),
        new("grant", Need.Admin, Places.Private, Texts.GrantHelpUsage, Texts.GrantHelp, RunAsync),
        new("revoke", Need.Admin, Places.Private, Texts.RevokeUsage, Texts.RevokeHelp, RunAsync) { MenuText = Texts.RevokeMenu },
    ];

    private static async Task RunAsync(CommandCall c, CancellationToken ct) =>
        await new RoleCommands(c.Turn, await c.ActorAsync(ct), c.Context, c.Staff.Access).HandleAsync(c.Name, c.Arguments, ct);

    public async Task HandleAsync(string name, string args, CancellationToken ct)
    {
        switch (name)
        {
            case "staff":
                await ListAsync(ct);
                return;
            case "grant" or "revoke":
                var words = args.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
                var who = Who(words);
                if (who is null) { turn.Reply(Texts.BadWho); return; }
                var (role, secretariat, error) = RoleOf(words, granting: name == "grant");
                if (error is not null) { turn.Reply(error); return; }
                if (name == "grant") await GrantAsync(who, role, secretariat, ct);
                else await RevokeAsync(who, role, secretariat, ct);
                return;
        }
    }

    /// <summary>The person named first (removing what it consumed from the words).</summary>
    private string? Who(List<string> words)
    {
        if (words.Count > 0 && AccountRef.TryParse(words[0], out var account) && account.Messenger is "telegram" or "bale")
        {
            words.RemoveAt(0);
            return account.ToString();
        }

        if (words.Count > 0 && PhoneNumber.TryNormalizeTyped(words[0], out var phone))
        {
            words.RemoveAt(0);
            return GrantHolders.ForPhone(phone);
        }

        // Not the author of a message replied to: admin work is done in the private chat, where that is the bot or the admin.
        return null;
    }

    /// <summary>The role named after the person, in the words of <see cref="DeskWords"/>: «کارشناس رجایی», «برگزارکننده».</summary>
    private (Role Role, string? Secretariat, string? Error) RoleOf(List<string> words, bool granting)
    {
        if (words.Count == 0) return (default, null, Texts.Usage(Texts.GrantUsage));
        var text = string.Join(' ', words);
        if (!DeskWords.TryRole(text, out var role, out var rest)) return (default, null, Texts.UnknownRole(DeskWords.FirstWord(text), granting));
        switch (role)
        {
            case Role.Admin when granting:
                return (default, null, Texts.NoAdminGrant);
            case Role.Staff:
                var names = new DeskWords(context.Assembly);
                return names.Secretariat(rest) is { } secretariat
                    ? (Role.Staff, secretariat.Key, null)
                    : (default, null, Texts.UnknownSecretariat(rest, names.SecretariatNames));
            default:
                return (role, null, null);
        }
    }

    private async Task GrantAsync(string who, Role role, string? secretariat, CancellationToken ct)
    {
        if (!await turn.Db.RoleGrants.AnyAsync(g => g.Who == who && g.Role == role && g.Secretariat == secretariat && g.RevokedAt == null, ct))
            turn.Db.RoleGrants.Add(new RoleGrant { Who = who, Role = role, Secretariat = secretariat, GrantedBy = actor.Account, GrantedAt = turn.Now });
        var granted = Texts.Granted(Display(who), RoleName(role, secretariat));
        if (GrantHolders.TryPhone(who, out _) && (await GrantHolders.AccountsAsync(turn.Db, [who], ct)).Count == 0)
            granted += "\n" + Texts.GrantPending(Display(who));
        await RoleMenus.RefreshAsync(turn, context.Assembly, access, who, ct);
        turn.Reply(granted);
    }

    private async Task RevokeAsync(string who, Role role, string? secretariat, CancellationToken ct)
    {
        // Two admins revoking each other at once on two instances must not both succeed.
        if (role == Role.Admin) await TransactionLocks.TakeAsync(turn.Db, Admins.Lock, ct);
        var grants = await turn.Db.RoleGrants
            .Where(g => g.Who == who && g.Role == role && (secretariat == null || g.Secretariat == secretariat) && g.RevokedAt == null)
            .ToListAsync(ct);
        if (grants.Count == 0) { turn.Reply(Texts.NothingToRevoke); return; }
        if (role == Role.Admin && !Admins.Configured(access).Any() && (await Admins.StoredAsync(turn.Db, ct)).All(a => a == who))
        {
            turn.Reply(Texts.LastAdmin);
            return;
        }

        foreach (var grant in grants)
        {
            grant.RevokedAt = turn.Now;
            grant.RevokedBy = actor.Account;
        }

        await RoleMenus.RefreshAsync(turn, context.Assembly, access, who, ct);
        await RevokedAssignees.FreeAsync(turn, context, who, actor.Account, ct);
        turn.Reply(Texts.Revoked(Display(who), RoleName(role, secretariat)));
    }

    private async Task ListAsync(CancellationToken ct)
    {
        var grants = await turn.Db.RoleGrants.AsNoTracking().Where(g => g.RevokedAt == null).OrderBy(g => g.Id).ToListAsync(ct);
        var pending = await PhoneGrants.PendingAsync(turn.Db, ct);
        var waiting = pending.Select(p => p.Grant.Id).ToHashSet();
        var active = grants.Where(g => !waiting.Contains(g.Id)).ToList();
        var admins = Admins.Configured(access).Concat(active.Where(g => g.Role == Role.Admin).Select(g => g.Who)).Distinct().ToList();
        var lines = new List<string> { $"{Texts.AdminsLabel}: {(admins.Count == 0 ? "—" : string.Join("، ", admins))}" };
        foreach (var s in context.Assembly.Secretariats)
        {
            var people = s.Staff.Concat(active.Where(g => g.Role == Role.Staff && g.Secretariat == s.Key).Select(g => Display(g.Who))).ToList();
            lines.Add($"{s.Name}: {(people.Count == 0 ? "—" : string.Join("، ", people))}");
        }

        var organizers = active.Where(g => g.Role == Role.Organizer).Select(g => Display(g.Who)).ToList();
        lines.Add($"{Texts.RoleOrganizer}: {(organizers.Count == 0 ? "—" : string.Join("، ", organizers))}");
        if (pending.Count > 0)
        {
            lines.Add("");
            lines.Add(Texts.PendingGrantsHeader);
            lines.AddRange(pending.Select(p => Texts.PendingGrantLine(PhoneNumber.Display(p.Phone), RoleName(p.Grant.Role, p.Grant.Secretariat), p.Typed)));
            lines.Add(Texts.PendingGrantsHint);
        }

        turn.Reply(string.Join('\n', lines));
    }

    /// <summary>A grant's person as an admin reads it: a number in the local form, an account as written.</summary>
    private static string Display(string who) =>
        GrantHolders.TryPhone(who, out var phone) ? PhoneNumber.Display(phone) : who;

    private string RoleName(Role role, string? secretariat) => RoleName(context.Assembly, role, secretariat);

    public static string RoleName(AssemblyOptions assembly, Role role, string? secretariat) => role switch
    {
        Role.Organizer => Texts.RoleOrganizer,
        Role.Admin => Texts.RoleAdmin,
        _ => Texts.RoleStaffOf(Routing.Find(assembly, secretariat)?.Name ?? secretariat ?? ""),
    };
}
