using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// What staff do to a report: the change goes through the report (<see cref="ReportAggregate"/>: event, version,
/// lock, deadlines, and whether the lifecycle allows it), then the news reaches the reporter signed by the
/// secretariat. Those who follow the report hear of its stage changes and outcome only: replies, follow-up texts,
/// routing and the staff's reason for an outcome are written to the reporter alone. A move the lifecycle refuses is
/// told to the staff member and changes nothing.
/// Authorisation happened before any of these is called (see <see cref="StaffDesk"/>).
/// </summary>
public sealed class ReportWork(Turn turn, Actor actor, FlowContext context)
{
    private string SecretariatName(string key) => Routing.Find(context.Assembly, key)?.Name ?? key;

    public async Task ReplyAsync(ReportAggregate report, string text, CancellationToken ct)
    {
        report.Reply(actor.Account, text);
        await StaffNotices.ToReporterAsync(turn, report.Report, Texts.ToReporterReply(report.Code, SecretariatName(report.Secretariat), text), ct);
        await RefreshAsync(report, ct);
        Done(report, Texts.DoneReplied);
    }

    /// <summary>
    /// A reply that carries a file (photo, document…) with its caption. On the reporter's other messenger the file is
    /// carried over by the sender, which a messenger allows only up to <see cref="FileCarrying.MaxBytes"/>: a larger
    /// one is refused here, before anything is sent or kept, and the staff member told why.
    /// </summary>
    public async Task ReplyWithFileAsync(ReportAggregate report, string text, HeldFile file, CancellationToken ct)
    {
        var chats = await StaffDirectory.MemberChatsAsync(turn.Db, [report.Report.MemberId], ct);
        if (chats.FirstOrDefault(c => c.Messenger != file.Messenger) is { } elsewhere && !FileCarrying.Fits(file.Size))
        {
            turn.Reply(Texts.FileTooBigToCarry(elsewhere.Messenger));
            return;
        }

        report.Reply(actor.Account, Texts.RepliedWithFile(text));
        var secretariat = SecretariatName(report.Secretariat);
        var reply = Texts.ToReporterReply(report.Code, secretariat, text);
        // The reply rides as the file's caption when it fits; otherwise the file comes first and the words after it.
        var inCaption = text.Length > 0 && reply.Length <= FileCarrying.MaxCaption;
        foreach (var chat in chats)
        {
            turn.Send(chat, ChatKind.Private, new FileMessage(file.Kind, file.FileId, inCaption ? reply : Texts.ToReporterFile(report.Code, secretariat))
            {
                FromMessenger = chat.Messenger == file.Messenger ? null : file.Messenger, FileName = file.FileName, Subject = report.Code,
            }, OutboxPriority.Bulk);
            if (text.Length > 0 && !inCaption)
                turn.Send(chat, ChatKind.Private, new TextMessage(reply, Monospace: [report.Code]) { Subject = report.Code }, OutboxPriority.Bulk);
        }

        await RefreshAsync(report, ct);
        Done(report, Texts.DoneReplied);
    }

    public void Note(ReportAggregate report, string text)
    {
        report.Note(actor.Account, text);
        Done(report, Texts.DoneNoted);
    }

    public async Task StageAsync(ReportAggregate report, ReportStage stage, CancellationToken ct)
    {
        if (!report.MoveTo(actor.Account, stage)) { turn.Reply(Texts.SameStage(stage)); return; }
        await StaffNotices.ToReporterAsync(turn, report.Report, Texts.ToReporterStage(report.Code, SecretariatName(report.Secretariat), stage), ct);
        await StaffNotices.ToFollowersAsync(turn, report.Report, Texts.ToFollowerStage(report.Code, SecretariatName(report.Secretariat), stage), ct);
        await RefreshAsync(report, ct);
        Done(report, Texts.DoneStage(stage));
    }

    public async Task RouteAsync(ReportAggregate report, string key, CancellationToken ct)
    {
        var from = report.Secretariat;
        if (!report.Route(actor.Account, key)) { turn.Reply(Texts.SameSecretariat); return; }
        await StaffNotices.ToReporterAsync(turn, report.Report, Texts.ToReporterRouted(report.Code, SecretariatName(from), SecretariatName(key)), ct);
        // The old secretariat's copies say where it went, without the member's words, and are followed no more; the new
        // one's staff get a card of their own.
        await ReportPosts.RefreshAsync(turn, context, report.Report, ct, routedFrom: from);
        var reporter = await turn.Db.Members.SingleAsync(m => m.Id == report.Report.MemberId, ct);
        await turn.Db.Entry(report.Report).Collection(r => r.Attachments).LoadAsync(ct);
        await StaffNotices.PostReportAsync(turn, report.Report, reporter, context, ct);
        Done(report, Texts.DoneRouted(SecretariatName(key)));
    }

    public async Task CloseAsync(ReportAggregate report, ReportOutcome outcome, string? original, string? text, CancellationToken ct)
    {
        if (!report.Close(actor.Account, outcome, original, text)) { turn.Reply(Texts.AlreadyClosed); return; }
        await StaffNotices.ToReporterAsync(turn, report.Report,
            Texts.ToReporterClosed(report.Code, SecretariatName(report.Secretariat), outcome, text, original), ct);
        // The outcome without the staff's words to the reporter.
        await StaffNotices.ToFollowersAsync(turn, report.Report, Texts.ToFollowerClosed(report.Code, SecretariatName(report.Secretariat), outcome), ct);
        // The reporter of a duplicate keeps hearing of the problem, through the report that carries on.
        if (original is not null && await ReportAggregate.LoadAsync(turn, context, original, ct) is { } carriesOn
            && carriesOn.Report.MemberId != report.Report.MemberId)
            await carriesOn.FollowAsync(report.Report.MemberId, ct);
        await RefreshAsync(report, ct);
        Done(report, Texts.DoneClosed(outcome));
    }

    public async Task FollowUpAsync(ReportAggregate report, DateTime next, string text, CancellationToken ct)
    {
        if (!report.RecordFollowUp(actor.Account, next, text)) { turn.Reply(Texts.AlreadyClosed); return; }
        var date = SolarDate.Format(next);
        await StaffNotices.ToReporterAsync(turn, report.Report, Texts.ToReporterFollowUp(report.Code, SecretariatName(report.Secretariat), text, date), ct);
        await RefreshAsync(report, ct);
        Done(report, Texts.DoneFollowUp(date));
    }

    /// <summary>Every copy of the report's card shows what was just done (<see cref="ReportPosts"/>).</summary>
    private Task RefreshAsync(ReportAggregate report, CancellationToken ct) => ReportPosts.RefreshAsync(turn, context, report.Report, ct);

    private void Done(ReportAggregate report, string what) => turn.Reply(Texts.StaffDone(report.Code, what), monospace: [report.Code]);
}
