using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Staff;

/// <summary>
/// Who has a report: «برمی‌دارم» makes the presser its assignee, «واگذاری» hands it to another staff member of its
/// secretariat. The assignee is stored on the report (<see cref="ReportAggregate.Assign"/>), shown on every copy of its
/// card and in the queue, said in the secretariat's staff chats, and gets the card in private.
/// </summary>
public sealed class Assignment(Turn turn, Actor actor, FlowContext context)
{
    /// <summary>The card, in the chat it was asked from, kept current from then on while that chat may follow it (<see cref="ReportPosts.MayFollowAsync"/>).</summary>
    public async Task OpenAsync(ReportAggregate report, CancellationToken ct)
    {
        var facts = await ReportCard.ReadAsync(turn.Db, context, report.Report, turn.Now, ct);
        await ReportPosts.SendAsync(turn, context, facts, turn.In.Chat, turn.In.ChatKind, OutboxPriority.Interactive, ct);
    }

    public async Task TakeAsync(ReportAggregate report, CancellationToken ct)
    {
        var assignee = report.Report.Assignee;
        if (assignee == actor.Account) { turn.Reply(Texts.AlreadyYours(report.Code), monospace: [report.Code]); return; }
        if (assignee is not null)
        {
            turn.Reply(Texts.TakenByOther(report.Code, await StaffNames.OfAsync(turn.Db, assignee, ct)), monospace: [report.Code]);
            return;
        }

        if (!report.Assign(actor.Account, actor.Account)) { turn.Reply(Texts.TakeClosed); return; }
        var name = await StaffNames.OfAsync(turn.Db, actor.Account, ct);
        await AfterAsync(report, Texts.Taken(report.Code, name), ct);
    }

    /// <summary>The staff of the report's secretariat to hand it to, by name, as buttons.</summary>
    public async Task ChooseAsync(ReportAggregate report, CancellationToken ct)
    {
        if (report.Report.Stage == ReportStage.Closed) { turn.Reply(Texts.TakeClosed); return; }
        var staff = await StaffAsync(report.Secretariat, ct);
        var names = await StaffNames.OfAsync(turn.Db, staff, ct);
        // Only those who ever wrote to the bot: the bot cannot open a private chat, so nobody else could be told.
        var choices = staff.Where(a => a != report.Report.Assignee && names.ContainsKey(a)).Select(a => (names[a], Value(a))).ToList();
        if (choices.Count == 0) { turn.Reply(Texts.NoOtherStaff); return; }
        turn.Reply(Texts.ChooseAssignee(report.Code), StaffButtons.Choices("hand", report.Code, choices), [report.Code]);
    }

    public async Task HandAsync(ReportAggregate report, string value, CancellationToken ct)
    {
        var to = Account(value);
        if (to is null || !(await StaffAsync(report.Secretariat, ct)).Contains(to)) { turn.Reply(Texts.NotStaffOfIt); return; }
        if (report.Report.Stage == ReportStage.Closed) { turn.Reply(Texts.TakeClosed); return; }
        var names = await StaffNames.OfAsync(turn.Db, [to, actor.Account], ct);
        var toName = names.GetValueOrDefault(to, Texts.SomeStaff);
        if (!report.Assign(actor.Account, to)) { turn.Reply(Texts.AlreadyTheirs(report.Code, toName), monospace: [report.Code]); return; }
        var fromName = names.GetValueOrDefault(actor.Account, Texts.SomeStaff);
        if (to != actor.Account && AccountRef.TryParse(to, out var toAccount))
            turn.Send(new ChatAddress(toAccount.Messenger, toAccount.Id), ChatKind.Private,
                new TextMessage(Texts.HandedToYou(report.Code, fromName), Monospace: [report.Code]), OutboxPriority.Bulk);
        await AfterAsync(report, to == actor.Account ? Texts.Taken(report.Code, toName) : Texts.HandedOver(report.Code, fromName, toName), ct);
    }

    /// <summary>
    /// Said to the presser and in the secretariat's staff chats; every copy of the card shows the assignee; the assignee
    /// gets the card in private if it is not there yet.
    /// </summary>
    private async Task AfterAsync(ReportAggregate report, string said, CancellationToken ct)
    {
        turn.Reply(said, monospace: [report.Code]);
        foreach (var (chat, kind) in await StaffDirectory.ChatsAsync(turn.Db, context.Assembly, report.Secretariat, ct))
            if (kind != ChatKind.Private && chat != turn.In.Chat)
                turn.Send(chat, kind, new TextMessage(said, Monospace: [report.Code]), OutboxPriority.Bulk);

        await ReportPosts.RefreshAsync(turn, context, report.Report, ct);
        if (!AccountRef.TryParse(report.Report.Assignee, out var assignee)) return;
        var privately = new ChatAddress(assignee.Messenger, assignee.Id);
        if (await ReportPosts.HasAsync(turn, report.Report, privately, ct)) return;
        var facts = await ReportCard.ReadAsync(turn.Db, context, report.Report, turn.Now, ct);
        await ReportPosts.SendAsync(turn, context, facts, privately, ChatKind.Private, OutboxPriority.Bulk, ct);
    }

    private async Task<List<string>> StaffAsync(string secretariat, CancellationToken ct) =>
        (await StaffDirectory.ChatsAsync(turn.Db, context.Assembly, secretariat, ct))
        .Where(c => c.Kind == ChatKind.Private).Select(c => new AccountRef(c.Chat.Messenger, c.Chat.ChatId).ToString()).ToList();

    // Button data is split on ':', which an account holds: «telegram:501» travels as «telegram.501».
    private static string Value(string account) => account.Replace(':', '.');

    private static string? Account(string value) => AccountRef.TryParse(value.Replace('.', ':'), out var account) ? account.ToString() : null;
}
