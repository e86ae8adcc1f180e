using Assembly.Conversations.Commands;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The report an escalation is about, as its organizer may see it: read-only. It is its own button (<c>rv:CODE</c>),
/// not a staff one, so an organizer who is not staff of that secretariat gets a card and no way to act: the card
/// carries no buttons, and the staff buttons (<c>st:</c>) still ask for staff of the report's secretariat. The card
/// leaves out who reported it; that stays with the secretariat. An organizer who is also its staff gets the notice
/// buttons too.
/// </summary>
public static class ReportView
{
    public const string Prefix = "rv:";

    public static IReadOnlyList<ButtonRoute> Buttons { get; } =
    [
        new(Prefix, Need.Organizer, Places.Private, ShowAsync),
    ];

    public static InlineKeyboard Button(string code) => new([[new InlineButton(Texts.NoticeOpenButton, Prefix + code)]]);

    private static async Task ShowAsync(CommandCall call, CancellationToken ct)
    {
        var turn = call.Turn;
        var report = TrackingCode.TryParse((turn.In.ButtonData ?? "")[Prefix.Length..], out var code)
            ? await turn.Db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct)
            : null;
        // Organizers see a report only once it was escalated to them: button data can be forged with any code.
        if (report is null || (report.EscalatedAt is null && !(await call.ActorAsync(ct)).Works(report.Secretariat)))
        {
            turn.AnswerButton(Texts.UnknownCode);
            return;
        }

        turn.AnswerButton();
        var attachments = await turn.Db.ReportAttachments.CountAsync(a => a.ReportId == report.Id, ct);
        var actor = await call.ActorAsync(ct);
        turn.Reply(Texts.ReadOnlyCard(report.Code, Routing.Find(call.Context.Assembly, report.Secretariat)?.Name ?? report.Secretariat,
                Texts.StageName(report.Stage, report.Outcome), report.Topic ?? Texts.NoTopic, report.County,
                Texts.PlaceWithMap(report.Place ?? "—", report.Latitude, report.Longitude), report.Description, report.ProposedSolution, attachments),
            actor.Works(report.Secretariat) ? NoticeHead.Buttons(report.Code) : null, [report.Code]);
    }
}
