using System.Globalization;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// <c>/stats</c>, <c>/export</c> and <c>/summary</c>: the year in numbers from the bot's own data. Called by
/// the <see cref="CommandCatalog"/> once the asker's role allowed the command; what the actor sees is their
/// <see cref="StatsScope"/>. Charts and files are outbox rows like every reply (see <see cref="UploadMessage"/>).
/// </summary>
public sealed class StatisticsDesk(Turn turn, Actor actor, FlowContext context)
{
    /// <summary>For any team role; in a staff chat too, though the answers still go to the asker's private chat.</summary>
    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("stats", Need.Team, Places.Both, Texts.StatsUsage, Texts.StatsHelp, RunAsync) { MenuText = Texts.StatsMenu },
        new("export", Need.Team, Places.Both, Texts.ExportUsage, Texts.ExportHelp, RunAsync) { MenuText = Texts.ExportMenu },
        new("summary", Need.Team, Places.Both, Texts.SummaryUsage, Texts.SummaryHelp, RunAsync),
    ];

    private static async Task RunAsync(CommandCall c, CancellationToken ct) =>
        await new StatisticsDesk(c.Turn, await c.ActorAsync(ct), c.Context).HandleAsync(c.Name, c.Arguments, ct);

    public const string ContentTypePng = "image/png";
    public const string ContentTypeXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ContentTypeCsv = "text/csv";

    /// <summary>How many open problems and resolved ones per secretariat a session's summary names.</summary>
    private const int SummaryTop = 3, SummaryResolved = 3;

    private StatsScope? _scope;

    private StatsScope Scope => _scope ??= StatsScope.For(actor, context.Assembly);

    /// <summary>
    /// Where the answers go: the asker's private chat, always. Asked in a staff group, the group hears only that the
    /// answer went there, or that it could not because the asker never started the bot.
    /// </summary>
    private ChatAddress _to;

    public async Task HandleAsync(string command, string args, CancellationToken ct)
    {
        _to = turn.In.Chat;
        if (turn.In.ChatKind != ChatKind.Private)
        {
            if (await ChatDirectory.PrivateChatAsync(turn.Db, turn.In.Messenger, turn.In.From!.UserId, ct) is { } privateChat) _to = privateChat;
            else
            {
                turn.Reply(Texts.StatsNeedPrivateChat);
                return;
            }

            turn.Reply(Texts.StatsSentPrivately);
        }

        if (!Narrowed(ref args)) return;
        switch (command)
        {
            case "stats": await StatsAsync(args, ct); break;
            case "export": await ExportAsync(args, ct); break;
            default: await SummaryAsync(args, ct); break;
        }
    }

    private async Task StatsAsync(string args, CancellationToken ct)
    {
        if (Period(args) is not { } period) return;
        var stats = await ReportStatistics.ComputeAsync(turn.Db, period, Scope, turn.Now, context.Zone, ct);
        if (stats.Received == 0)
        {
            // Nothing to count or draw: a line, and what the period before had.
            Say(Texts.StatsNoReports(period.Label) + (stats.Previous is { Received: > 0 } p ? Texts.StatsPreviousHad(p.Period.Label, p.Received) : ""));
            return;
        }

        Say(Texts.StatsMessage(stats));
        Upload(UploadKind.Photo, $"reports-per-month-{FileSuffix(period)}.png", ContentTypePng,
            ReportCharts.PerMonth(stats, context.Zone), Texts.ChartPerMonthCaption(period.Label));
        Upload(UploadKind.Photo, $"outcomes-{FileSuffix(period)}.png", ContentTypePng,
            ReportCharts.Outcomes(stats), Texts.ChartOutcomesCaption(period.Label));
    }

    private async Task ExportAsync(string args, CancellationToken ct)
    {
        if (Period(args) is not { } period) return;
        var stats = await ReportStatistics.ComputeAsync(turn.Db, period, Scope, turn.Now, context.Zone, ct, withPrevious: false);
        if (stats.Received == 0) { Say(Texts.StatsNothingToExport(period.Label)); return; }
        var rows = await ExportRows.BuildAsync(turn.Db, stats, context.Zone, ct);
        Upload(UploadKind.Document, $"reports-{FileSuffix(period)}.xlsx", ContentTypeXlsx, ReportSpreadsheet.Write(rows),
            Texts.ExportCaption(period.Label, rows.Count, csv: false));
        Upload(UploadKind.Document, $"reports-{FileSuffix(period)}.csv", ContentTypeCsv, ReportCsv.Write(rows),
            Texts.ExportCaption(period.Label, rows.Count, csv: true));
    }

    /// <summary>
    /// <c>/summary 3</c> (a session's number, as <c>/meetings</c> shows it, or <c>#3</c>): the year before that
    /// session. Four digits are a year, not a session: <c>/summary 1404</c> is the year 1404.
    /// </summary>
    private async Task SummaryAsync(string args, CancellationToken ct)
    {
        var text = PersianText.ToLatinDigits(PersianText.CleanInput(args)).Trim();
        StatsPeriod? period;
        string? title = null;
        if (text.StartsWith('#') || (text.Length is > 0 and < 4 && text.All(char.IsAsciiDigit)))
        {
            var meeting = int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await turn.Db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Status != MeetingStatus.Cancelled, ct)
                : null;
            if (meeting is null) { Say(Texts.StatsNoSuchMeeting(PersianText.ToPersianDigits(text))); return; }
            period = StatsPeriod.YearBefore(meeting.StartsAt, turn.Now, context.Zone);
            title = meeting.Title;
        }
        else if ((period = Period(args)) is null)
        {
            return;
        }

        var stats = await ReportStatistics.ComputeAsync(turn.Db, period, Scope, turn.Now, context.Zone, ct);
        Say(stats.Received == 0 ? Texts.StatsNoReports(period.Label) : OneMessage(Texts.SessionSummary(stats, title, SummaryTop, SummaryResolved)));
    }

    /// <summary>An assembly with many secretariats could outgrow one message: cut at a line, so it stays forwardable as one.</summary>
    private static string OneMessage(string text)
    {
        if (text.Length <= PrivateChat.MaxTextLength) return text;
        var cut = text.LastIndexOf('\n', PrivateChat.MaxTextLength - 2);
        return text[..cut] + "\n…";
    }

    /// <summary>
    /// A secretariat named first («/stats رجایی ۱۴۰۴/۰۸») narrows the scope to it, if the asker sees it at all; the
    /// rest is the period or the session. False when it was one the asker does not see (and they were told).
    /// </summary>
    private bool Narrowed(ref string args)
    {
        if (!new DeskWords(context.Assembly).TrySecretariat(args, out var only, out var rest)) return true;
        if (!Scope.Keys.Contains(only.Key))
        {
            Say(Texts.StatsNotYourSecretariat(only.Name));
            return false;
        }

        _scope = new StatsScope([only], Whole: false);
        args = rest;
        return true;
    }

    private StatsPeriod? Period(string args)
    {
        if (StatsPeriod.TryParse(args, turn.Now, context.Zone, out var period, out var error)) return period;
        Say(error);
        return null;
    }

    private void Say(string text) => turn.Send(_to, ChatKind.Private, new TextMessage(text), OutboxPriority.Interactive);

    private void Upload(UploadKind kind, string name, string contentType, byte[] bytes, string caption) =>
        turn.Send(_to, ChatKind.Private, new UploadMessage(kind, name, contentType, caption) { Content = bytes }, OutboxPriority.Interactive);

    /// <summary>Latin digits in file names: some messengers and phones mangle others.</summary>
    private static string FileSuffix(StatsPeriod period) => period switch
    {
        { IsMonthly: true, Months: 1 } => $"{period.FirstMonth!.Value.Year:0000}-{period.FirstMonth.Value.Month:00}",
        { IsMonthly: true } => $"{period.FirstMonth!.Value.Year:0000}-{period.FirstMonth.Value.Month:00}_to_"
            + $"{SolarMonth.FromIndex(period.FirstMonth.Value.Index + period.Months - 1).Year:0000}-{SolarMonth.FromIndex(period.FirstMonth.Value.Index + period.Months - 1).Month:00}",
        _ => "session",
    };
}
