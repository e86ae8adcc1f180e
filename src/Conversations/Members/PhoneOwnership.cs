using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Members;

/// <summary>
/// Who a mobile number belongs to. Only a contact the messenger shared from the sender's own account proves a
/// number; a typed number is a claim anyone can make, so it is stored for the member's own use but never matches a
/// grant, links an account, merges members, or tells anyone whether the number is registered.
/// </summary>
public static class PhoneOwnership
{
    /// <summary>What a contact message proves about its sender's number.</summary>
    public enum Proof { Verified, Unverified, OfAnother, Invalid }

    /// <summary>
    /// Reads a shared contact: verified when the contact's account is the sender's. A contact without an account
    /// (Bale may send one so) proves nothing and counts as typed; a contact of somebody else is refused.
    /// </summary>
    public static Proof Read(IncomingMessage message, out string phone)
    {
        phone = "";
        if (message.Contact is not { } contact) return Proof.Invalid;
        if (contact.UserId is { } owner && owner != message.From?.UserId) return Proof.OfAnother;
        if (!PhoneNumber.TryNormalizeShared(contact.PhoneNumber, out phone)) return Proof.Invalid;
        return contact.UserId is null ? Proof.Unverified : Proof.Verified;
    }

    /// <summary>
    /// Held for the rest of the update's transaction by whoever is about to prove a number, so that two chats (or two
    /// instances) proving one number at once leave one owner.
    /// </summary>
    public static Task LockAsync(Turn turn, string phone, CancellationToken ct) => TransactionLocks.TakeAsync(turn.Db, "phone:" + phone, ct);

    /// <summary>The member who proved this number theirs, if any.</summary>
    public static Task<Member?> VerifiedOwnerAsync(Turn turn, string phone, CancellationToken ct) =>
        turn.Db.Members.Where(m => m.Phone == phone && m.PhoneVerified).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);

    /// <summary>A registered member's own contact, shared outside any conversation (<c>/verify</c>): their number is proved.</summary>
    public static async Task ConfirmAsync(Turn turn, Member member, Flows.FlowContext context, CancellationToken ct)
    {
        switch (Read(turn.In, out var phone))
        {
            case Proof.OfAnother: turn.Reply(Texts.ContactNotYours, Flows.MainMenu.Keyboard); return;
            case Proof.Invalid: turn.Reply(Texts.VerifyPhoneInvalid, Flows.MainMenu.Keyboard); return;
            case Proof.Unverified: turn.Reply(Texts.ContactUnproved, Flows.MainMenu.Keyboard); return;
        }

        await LockAsync(turn, phone, ct);
        if (await VerifiedOwnerAsync(turn, phone, ct) is { } owner && owner.Id != member.Id)
        {
            turn.Reply(Texts.NumberVerifiedElsewhere, Flows.MainMenu.Keyboard);
            return;
        }

        await TakeAsync(turn, member, phone, context.Admins, ct);
        var who = GrantHolders.ForPhone(phone);
        var roles = await turn.Db.RoleGrants.AsNoTracking().Where(g => g.Who == who && g.RevokedAt == null)
            .OrderBy(g => g.Id).Select(g => new { g.Role, g.Secretariat }).ToListAsync(ct);
        if (roles.Count > 0) await Commands.RoleMenus.RefreshMemberAsync(turn, context.Assembly, context.Access, member, ct);
        var display = PhoneNumber.Display(phone);
        turn.Reply(roles.Count == 0 ? Texts.NumberVerified(display)
            : Texts.NumberVerifiedWithRoles(display, roles.Select(r => RoleCommands.RoleName(context.Assembly, r.Role, r.Secretariat)).ToList()),
            Flows.MainMenu.Keyboard);
    }

    /// <summary>
    /// Gives <paramref name="owner"/> the number they proved theirs. Members who only typed it lose it (they keep
    /// their reports), and the admins are told once, since those members may need a word.
    /// </summary>
    public static async Task TakeAsync(Turn turn, Member owner, string phone, IReadOnlyList<string> admins, CancellationToken ct)
    {
        owner.Phone = phone;
        owner.PhoneVerified = true;
        var typers = await turn.Db.Members.Where(m => m.Phone == phone && !m.PhoneVerified && m.Id != owner.Id).ToListAsync(ct);
        foreach (var typer in typers) typer.Phone = null;
        if (typers.Count == 0) return;
        var text = Texts.NumberTakenOver(PhoneNumber.Display(phone), typers.Select(t => t.Name).ToList());
        foreach (var chat in await StaffDirectory.AdminChatsAsync(turn.Db, admins, ct))
            turn.Send(chat, ChatKind.Private, new TextMessage(text), OutboxPriority.Bulk);
    }
}
