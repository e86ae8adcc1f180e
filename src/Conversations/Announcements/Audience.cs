using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Announcements;

/// <summary>
/// Who an announcement or a session is for: all members, or any combination of one county's members, one
/// working group's members and one secretariat's staff. Stored as a short spec like
/// <c>county=کاشان;group=جوانان</c> (<c>all</c> for everyone).
/// </summary>
public sealed record Audience(IReadOnlyList<Audience.Part> Parts)
{
    public const string All = "all", County = "county", Group = "group", Staff = "staff";

    public sealed record Part(string Kind, string? Value);

    public static Audience Everyone { get; } = new([new Part(All, null)]);

    public static Audience Of(string kind, string? value) => kind == All ? Everyone : new([new Part(kind, value)]);

    public static Audience Parse(string? spec) => string.IsNullOrEmpty(spec) || spec == All
        ? Everyone
        : new(spec.Split(';').Select(p => p.Split('=', 2)).Select(p => new Part(p[0], p.Length == 2 ? p[1] : null)).ToList());

    public string Spec => string.Join(';', Parts.Select(p => p.Value is null ? p.Kind : $"{p.Kind}={p.Value}"));

    /// <summary>This audience and one more part (everyone stays everyone).</summary>
    public Audience With(string kind, string? value) =>
        kind == All || Parts.Any(p => p.Kind == All) ? Everyone
        : Parts.Contains(new Part(kind, value)) ? this
        : new(Parts.Append(new Part(kind, value)).ToList());

    public string Describe(FlowContext context) => string.Join("، ", Parts.Select(p => p.Kind switch
    {
        County => Texts.AudienceOfCounty(p.Value!),
        Group => Texts.AudienceOfGroup(p.Value!),
        Staff => Texts.AudienceOfStaff(Routing.Find(context.Assembly, p.Value)?.Name ?? p.Value!),
        _ => Texts.AudienceAll,
    }));

    /// <summary>Members are among it (so the mute hint belongs in what they get).</summary>
    public bool IsMembers => Parts.Any(p => p.Kind != Staff);

    /// <summary>Whether a member belongs to it (muting aside: muting stops announcements, not the right to answer).</summary>
    public async Task<bool> IncludesAsync(BotDbContext db, FlowContext context, Member member, CancellationToken ct)
    {
        foreach (var part in Parts)
        {
            switch (part.Kind)
            {
                case County when member.County == part.Value:
                case Group when member.WorkingGroup == part.Value:
                case All:
                    return true;
                case Staff:
                    var accounts = await db.Accounts.AsNoTracking().Where(a => a.MemberId == member.Id).Select(a => new { a.Messenger, a.ChatId }).ToListAsync(ct);
                    var staff = await StaffDirectory.ChatsAsync(db, context.Assembly, part.Value!, ct);
                    if (accounts.Any(a => staff.Any(s => s.Chat == new ChatAddress(a.Messenger, a.ChatId)))) return true;
                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// The private chats it reaches, on every messenger each person uses, each once. Members who muted
    /// announcements are left out; chats that blocked the bot are left in and settled by the sender, so they
    /// show as «unreachable» in the delivery counts.
    /// </summary>
    public async Task<IReadOnlyList<ChatAddress>> ChatsAsync(BotDbContext db, FlowContext context, CancellationToken ct)
    {
        var chats = new List<ChatAddress>();
        foreach (var part in Parts)
        {
            if (part.Kind == Staff)
            {
                chats.AddRange((await StaffDirectory.ChatsAsync(db, context.Assembly, part.Value!, ct)).Where(c => c.Kind == ChatKind.Private).Select(c => c.Chat));
                continue;
            }

            var members = db.Members.AsNoTracking().Where(m => !m.MutedAnnouncements);
            members = part.Kind switch
            {
                County => members.Where(m => m.County == part.Value),
                Group => members.Where(m => m.WorkingGroup == part.Value),
                _ => members,
            };
            chats.AddRange((await db.Accounts.AsNoTracking().Where(a => members.Any(m => m.Id == a.MemberId))
                    .OrderBy(a => a.MemberId).Select(a => new { a.Messenger, a.ChatId }).ToListAsync(ct))
                .Select(a => new ChatAddress(a.Messenger, a.ChatId)));
        }

        return chats.Distinct().ToList();
    }
}
