using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Staff;

/// <summary>
/// Who hears of a report: one answer for its card, the notices about it and the reminders of its deadlines, so they
/// never reach two different sets of people.
/// </summary>
/// <remarks>
/// Decided per messenger: where the secretariat has a staff chat on a messenger, the report goes there; where it has
/// none, to the private chats of its staff on that messenger. A staff chat on Telegram does not reach a colleague
/// who uses only Bale, and a colleague on Telegram need not read in private what their group already shows.
/// </remarks>
public static class ReportAudience
{
    /// <param name="Secretariat">The secretariat's chats, per messenger (<see cref="SecretariatAsync"/>).</param>
    /// <param name="Assignee">The assignee's private chat, while they still work the report's secretariat; null otherwise.</param>
    public sealed record Of(IReadOnlyList<(ChatAddress Chat, ChatKind Kind)> Secretariat, ChatAddress? Assignee)
    {
        /// <summary>For the card and notices: the secretariat's chats and the assignee in private.</summary>
        public IReadOnlyList<(ChatAddress Chat, ChatKind Kind)> WithAssignee =>
            Assignee is { } assignee && !Secretariat.Contains((assignee, ChatKind.Private))
                ? [.. Secretariat, (assignee, ChatKind.Private)]
                : Secretariat;

        /// <summary>The secretariat's chats but the assignee's own (told already, alone, first).</summary>
        public IReadOnlyList<(ChatAddress Chat, ChatKind Kind)> WithoutAssignee =>
            Secretariat.Where(c => c.Kind != ChatKind.Private || c.Chat != Assignee).ToList();
    }

    public static async Task<Of> ForAsync(BotDbContext db, FlowContext context, Report report, CancellationToken ct)
    {
        var secretariat = await SecretariatAsync(db, context.Assembly, report.Secretariat, ct);
        ChatAddress? assignee = null;
        if (AccountRef.TryParse(report.Assignee, out var account) && await StaffStanding.WorksAsync(db, context, account, report.Secretariat, ct))
            assignee = new ChatAddress(account.Messenger, account.Id);
        return new Of(secretariat, assignee);
    }

    /// <summary>Per messenger: the secretariat's staff chats there, or, where it has none there, its staff's private chats there.</summary>
    public static async Task<IReadOnlyList<(ChatAddress Chat, ChatKind Kind)>> SecretariatAsync(BotDbContext db, AssemblyOptions assembly, string secretariat,
        CancellationToken ct)
    {
        var everyone = await StaffDirectory.ChatsAsync(db, assembly, secretariat, ct);
        var withGroup = everyone.Where(c => c.Kind != ChatKind.Private).Select(c => c.Chat.Messenger).ToHashSet();
        return everyone.Where(c => c.Kind != ChatKind.Private || !withGroup.Contains(c.Chat.Messenger)).ToList();
    }
}
