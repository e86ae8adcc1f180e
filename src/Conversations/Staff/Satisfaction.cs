using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Staff;

/// <summary>The reporter's answer to «was it really resolved?»: «no» reopens the report in follow-up and tells the staff.</summary>
public static class Satisfaction
{
    public const string Prefix = "sat:";

    public static string Data(string code, bool resolved) => $"{Prefix}{code}:{(resolved ? "yes" : "no")}";

    public static async Task AnswerAsync(Turn turn, Member member, string data, FlowContext context, CancellationToken ct)
    {
        var parts = data[Prefix.Length..].Split(':');
        var report = parts.Length == 2 ? await ReporterThread.OwnAsync(turn, member, parts[0], context, ct) : null;
        if (report is null)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        var resolved = parts[1] == "yes";
        if (!report.ReporterAnswers(resolved))
        {
            // Answered before, or no longer closed as resolved: the question is over.
            turn.AnswerButton(Texts.AlreadyAnswered);
            return;
        }

        turn.AnswerButton();
        var head = NoticeHead.Of(report.Report);
        if (resolved)
        {
            ReporterThread.ReplyAbout(turn, report.Code, Texts.ThanksResolved);
            await ToStaffAsync(turn, report, Texts.ToStaffConfirmedResolved(head), context, ct);
            return;
        }

        ReporterThread.ReplyAbout(turn, report.Code, Texts.Reopened(report.Code), ReporterThread.AnswerButton(report.Code));
        await StaffNotices.ToFollowersAsync(turn, report.Report, Texts.ToFollowerReopened(report.Code), ct);
        await ToStaffAsync(turn, report, Texts.ToStaffReopened(head), context, ct);
    }

    /// <summary>Either answer is news to the secretariat: «no» reopens the report, «yes» ends the question.</summary>
    private static async Task ToStaffAsync(Turn turn, ReportAggregate report, string text, FlowContext context, CancellationToken ct)
    {
        await ReportPosts.RefreshAsync(turn, context, report.Report, ct);
        foreach (var (chat, kind) in await ReportPosts.AudienceAsync(turn, context, report.Report, ct))
            turn.Send(chat, kind, NoticeHead.ToStaff(report.Code, text), OutboxPriority.Bulk);
    }
}
