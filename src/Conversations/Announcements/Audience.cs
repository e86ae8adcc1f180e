using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Announcements;

/// <summary>Who an announcement goes to: all members, one county's, one working group's, or one secretariat's staff.</summary>
public sealed record Audience(string Kind, string? Value)
{
    public const string All = "all", County = "county", Group = "group", Staff = "staff";

    public string Describe(FlowContext context) => Kind switch
    {
        County => Texts.AudienceOfCounty(Value!),
        Group => Texts.AudienceOfGroup(Value!),
        Staff => Texts.AudienceOfStaff(Routing.Find(context.Assembly, Value)?.Name ?? Value!),
        _ => Texts.AudienceAll,
    };

    public bool IsMembers => Kind != Staff;

    /// <summary>Whether a member belongs to it (muting aside: muting stops announcements, not the right to answer).</summary>
    public async Task<bool> IncludesAsync(BotDbContext db, FlowContext context, Member member, CancellationToken ct)
    {
        switch (Kind)
        {
            case County: return member.County == Value;
            case Group: return member.WorkingGroup == Value;
            case Staff:
                var accounts = await db.Accounts.AsNoTracking().Where(a => a.MemberId == member.Id).Select(a => new { a.Messenger, a.ChatId }).ToListAsync(ct);
                var staff = await StaffDirectory.ChatsAsync(db, context.Assembly, Value!, ct);
                return accounts.Any(a => staff.Any(s => s.Chat == new ChatAddress(a.Messenger, a.ChatId)));
            default: return true;
        }
    }

    /// <summary>
    /// The private chats it reaches, on every messenger each person uses. Members who muted announcements
    /// are left out; chats that blocked the bot are left in and settled by the sender, so they show as
    /// «unreachable» in the delivery counts.
    /// </summary>
    public async Task<IReadOnlyList<ChatAddress>> ChatsAsync(BotDbContext db, FlowContext context, CancellationToken ct)
    {
        if (Kind == Staff)
            return (await StaffDirectory.ChatsAsync(db, context.Assembly, Value!, ct)).Where(c => c.Kind == ChatKind.Private).Select(c => c.Chat).Distinct().ToList();

        var members = db.Members.AsNoTracking().Where(m => !m.MutedAnnouncements);
        members = Kind switch
        {
            County => members.Where(m => m.County == Value),
            Group => members.Where(m => m.WorkingGroup == Value),
            _ => members,
        };
        return (await db.Accounts.AsNoTracking().Where(a => members.Any(m => m.Id == a.MemberId))
                .OrderBy(a => a.MemberId).Select(a => new { a.Messenger, a.ChatId }).ToListAsync(ct))
            .Select(a => new ChatAddress(a.Messenger, a.ChatId)).ToList();
    }
}
