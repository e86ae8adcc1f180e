using System.Globalization;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// Reads and draws what a <see cref="ReadRequest"/> asked for: the statistics message and its charts, the two export
/// files, or a session's summary. It runs on a read-only snapshot outside the writer's transaction (see
/// <see cref="ReadRequests"/>), so it only returns what to send; its caller writes that to the outbox.
/// </summary>
public sealed class StatisticsWork(BotDbContext db, ReadRequest request, FlowContext context, StatsScope scope)
{
    /// <summary>How many open problems and resolved ones per secretariat a session's summary names.</summary>
    private const int SummaryTop = 3, SummaryResolved = 3;

    private readonly List<OutgoingMessage> _answer = [];
    private readonly ChatAddress _to = new(request.Messenger, request.ChatId);
    private DateTime Now => request.RequestedAt;
    private TimeZoneInfo Zone => context.Zone;

    private StatsScope Scope => scope;

    /// <summary>
    /// The answer, for what the asker may see when it is served (<see cref="ReadAsker"/>), not only when they asked; one
    /// line instead when they may see none of it any more.
    /// </summary>
    public static async Task<IReadOnlyList<OutgoingMessage>> AnswerAsync(BotDbContext db, ReadRequest request, FlowContext context, CancellationToken ct)
    {
        if (await ReadAsker.ScopeNowAsync(db, request, context, ct) is not { } scope)
            return [new TextMessage(Texts.StatsRoleGone) { To = new ChatAddress(request.Messenger, request.ChatId), ToKind = ChatKind.Private, Priority = OutboxPriority.Interactive }];
        var work = new StatisticsWork(db, request, context, scope);
        await work.RunAsync(ct);
        return work._answer;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var (period, title, error) = await PeriodOfAsync(db, request.Command, request.Arguments, Now, Zone, ct);
        if (period is null)
        {
            // Checked when asked; only a session cancelled meanwhile gets here.
            Say(error!);
            return;
        }

        switch (request.Command)
        {
            case "stats": await StatsAsync(period, ct); break;
            case "export": await ExportAsync(period, ct); break;
            default: await SummaryAsync(period, title, ct); break;
        }
    }

    /// <summary>
    /// The period a command names, or the Persian answer when it names none. <c>/summary 3</c> (a session's number, as
    /// <c>/meetings</c> shows it, or <c>#3</c>) is the year before that session; four digits are a year, not a session:
    /// <c>/summary 1404</c> is the year 1404.
    /// </summary>
    public static async Task<(StatsPeriod? Period, string? Title, string? Error)> PeriodOfAsync(BotDbContext db, string command, string args,
        DateTime now, TimeZoneInfo zone, CancellationToken ct)
    {
        if (command == "summary")
        {
            var text = PersianText.ToLatinDigits(PersianText.CleanInput(args)).Trim();
            if (text.StartsWith('#') || (text.Length is > 0 and < 4 && text.All(char.IsAsciiDigit)))
            {
                var meeting = int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Status != MeetingStatus.Cancelled, ct)
                    : null;
                return meeting is null
                    ? (null, null, Texts.StatsNoSuchMeeting(PersianText.ToPersianDigits(text)))
                    : (StatsPeriod.YearBefore(meeting.StartsAt, now, zone), meeting.Title, null);
            }
        }

        return StatsPeriod.TryParse(args, now, zone, out var period, out var error) ? (period, null, null) : (null, null, error);
    }

    private async Task StatsAsync(StatsPeriod period, CancellationToken ct)
    {
        var stats = await ReportStatistics.ComputeAsync(db, period, Scope, Now, Zone, ct);
        if (stats.Received == 0)
        {
            // Nothing to count or draw: a line, and what the period before had.
            Say(Texts.StatsNoReports(period.Label) + (stats.Previous is { Received: > 0 } p ? Texts.StatsPreviousHad(p.Period.Label, p.Received) : ""));
            return;
        }

        Say(Texts.StatsMessage(stats));
        Upload(UploadKind.Photo, $"reports-per-month-{FileSuffix(period)}.png", StatisticsDesk.ContentTypePng,
            ReportCharts.PerMonth(stats, Zone), Texts.ChartPerMonthCaption(period.Label));
        Upload(UploadKind.Photo, $"outcomes-{FileSuffix(period)}.png", StatisticsDesk.ContentTypePng,
            ReportCharts.Outcomes(stats), Texts.ChartOutcomesCaption(period.Label));
    }

    private async Task ExportAsync(StatsPeriod period, CancellationToken ct)
    {
        var stats = await ReportStatistics.ComputeAsync(db, period, Scope, Now, Zone, ct, withPrevious: false);
        if (stats.Received == 0) { Say(Texts.StatsNothingToExport(period.Label)); return; }
        var rows = await ExportRows.BuildAsync(db, stats, Zone, ct);
        Upload(UploadKind.Document, $"reports-{FileSuffix(period)}.xlsx", StatisticsDesk.ContentTypeXlsx, ReportSpreadsheet.Write(rows),
            Texts.ExportCaption(period.Label, rows.Count, csv: false));
        Upload(UploadKind.Document, $"reports-{FileSuffix(period)}.csv", StatisticsDesk.ContentTypeCsv, ReportCsv.Write(rows),
            Texts.ExportCaption(period.Label, rows.Count, csv: true));
    }

    private async Task SummaryAsync(StatsPeriod period, string? title, CancellationToken ct)
    {
        var stats = await ReportStatistics.ComputeAsync(db, period, Scope, Now, Zone, ct);
        Say(stats.Received == 0 ? Texts.StatsNoReports(period.Label) : OneMessage(Texts.SessionSummary(stats, title, SummaryTop, SummaryResolved)));
    }

    /// <summary>An assembly with many secretariats could outgrow one message: cut at a line, so it stays forwardable as one.</summary>
    private static string OneMessage(string text)
    {
        if (text.Length <= PrivateChat.MaxTextLength) return text;
        var cut = text.LastIndexOf('\n', PrivateChat.MaxTextLength - 2);
        return text[..cut] + "\n…";
    }

    private void Say(string text) =>
        _answer.Add(new TextMessage(text) { To = _to, ToKind = ChatKind.Private, Priority = OutboxPriority.Interactive });

    private void Upload(UploadKind kind, string name, string contentType, byte[] bytes, string caption) =>
        _answer.Add(new UploadMessage(kind, name, contentType, caption) { Content = bytes, To = _to, ToKind = ChatKind.Private, Priority = OutboxPriority.Interactive });

    /// <summary>Latin digits in file names: some messengers and phones mangle others.</summary>
    private static string FileSuffix(StatsPeriod period) => period switch
    {
        { IsMonthly: true, Months: 1 } => $"{period.FirstMonth!.Value.Year:0000}-{period.FirstMonth.Value.Month:00}",
        { IsMonthly: true } => $"{period.FirstMonth!.Value.Year:0000}-{period.FirstMonth.Value.Month:00}_to_"
            + $"{SolarMonth.FromIndex(period.FirstMonth.Value.Index + period.Months - 1).Year:0000}-{SolarMonth.FromIndex(period.FirstMonth.Value.Index + period.Months - 1).Month:00}",
        _ => "session",
    };
}
