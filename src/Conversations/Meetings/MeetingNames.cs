using System.Text;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Meetings;

/// <summary>
/// Who said they will come, or may: names for an organizer, as a message and as a CSV file, in the organizer's private
/// chat only (as the exports go). Those who said no are counted in <c>/meetings</c>, not named.
/// </summary>
public static class MeetingNames
{
    public static async Task SendAsync(Turn turn, Meeting meeting, FlowContext context, CancellationToken ct)
    {
        var people = await turn.Db.Rsvps.AsNoTracking().Where(r => r.MeetingId == meeting.Id && r.Answer != RsvpAnswer.No)
            .Join(turn.Db.Members.AsNoTracking(), r => r.MemberId, m => m.Id, (r, m) => new { m.Name, m.County, m.WorkingGroup, r.Answer, r.At })
            .ToListAsync(ct);
        var when = MeetingTime.Format(meeting.StartsAt, context.Zone);
        if (people.Count == 0)
        {
            turn.Reply(Texts.MeetingNamesHeader(meeting.Title, when) + "\n\n" + Texts.MeetingNamesNone);
            return;
        }

        var ordered = people.OrderBy(p => p.Answer).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var text = new StringBuilder(Texts.MeetingNamesHeader(meeting.Title, when));
        foreach (var group in ordered.GroupBy(p => p.Answer))
        {
            text.Append("\n\n").Append(Texts.MeetingNamesGroup(Texts.RsvpLabel(group.Key), group.Count()));
            var i = 0;
            foreach (var p in group) text.Append('\n').Append(Texts.MeetingNamesLine(++i, p.Name, p.County));
        }

        turn.Reply(text.Append("\n\n").Append(Texts.MeetingNamesFile).ToString());
        var csv = new StringBuilder(string.Join(',', Texts.MeetingNamesColumns.Select(ReportCsv.Field))).Append("\r\n");
        foreach (var p in ordered)
            csv.Append(string.Join(',', new[] { p.Name, p.County, p.WorkingGroup ?? "", Texts.RsvpLabel(p.Answer), PersianTime.Date(p.At, context.Zone) }
                .Select(ReportCsv.Field))).Append("\r\n");
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
        turn.Send(turn.In.Chat, ChatKind.Private, new UploadMessage(UploadKind.Document, $"meeting-{meeting.Id}-rsvps.csv", StatisticsDesk.ContentTypeCsv,
            Texts.MeetingNamesCaption(meeting.Title, people.Count)) { Content = bytes }, OutboxPriority.Interactive);
    }
}
