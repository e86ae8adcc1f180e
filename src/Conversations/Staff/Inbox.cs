using System.Globalization;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The staff queue (<c>/inbox</c>): the open reports of the secretariats the reader works for, the nearest deadline
/// first (then the oldest), ten to a page. Each entry names topic and county, code, stage, age and assignee, and marks a
/// passed deadline and a reporter who wrote since the last answer; a button under it opens its card. Buttons filter by
/// stage and by «فقط مسئله‌های من» and turn the pages, editing the list in place.
/// </summary>
public sealed class Inbox(Turn turn, Actor actor, FlowContext context)
{
    public const string Prefix = "ib:";
    public const int PageSize = 10;

    /// <summary>What the list shows: data <c>ib:STAGE:MINE:PAGE</c>, the stage as <c>a</c> (all), <c>i</c>, <c>s</c> or <c>f</c>.</summary>
    public sealed record View(ReportStage? Stage, bool Mine, int Page)
    {
        public string Data => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Key(Stage)}:{(Mine ? 1 : 0)}:{Page}");

        public static View? TryRead(string? data)
        {
            var parts = data is not null && data.StartsWith(Prefix, StringComparison.Ordinal) ? data[Prefix.Length..].Split(':') : [];
            if (parts.Length != 3 || parts[1] is not ("0" or "1") || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
                return null;
            ReportStage? stage = parts[0] switch { "i" => ReportStage.Identification, "s" => ReportStage.Solution, "f" => ReportStage.FollowUp, _ => null };
            return parts[0] is "a" or "i" or "s" or "f" ? new View(stage, parts[1] == "1", page) : null;
        }

        private static string Key(ReportStage? stage) => stage switch
        {
            ReportStage.Identification => "i",
            ReportStage.Solution => "s",
            ReportStage.FollowUp => "f",
            _ => "a",
        };
    }

    public static IReadOnlyList<ButtonRoute> Buttons { get; } =
    [
        new(Prefix, Need.Staff, Places.Both, async (c, ct) => await new Inbox(c.Turn, await c.ActorAsync(ct), c.Context).PressAsync(ct)),
    ];

    /// <summary>The queue as a new message.</summary>
    public async Task ShowAsync(View view, CancellationToken ct)
    {
        var (text, keyboard, codes) = await PageAsync(view, ct);
        turn.Reply(text, keyboard, codes);
    }

    /// <summary>A filter or page button: the list it is under shows the new view.</summary>
    private async Task PressAsync(CancellationToken ct)
    {
        if (View.TryRead(turn.In.ButtonData) is not { } view) { turn.AnswerButton(Texts.StaleButton); return; }
        turn.AnswerButton();
        var (text, keyboard, codes) = await PageAsync(view, ct);
        if (turn.In.MessageId is { } pressed)
            turn.Send(turn.In.Chat, turn.In.ChatKind, new TextEdit(pressed, text, keyboard) { Monospace = codes }, OutboxPriority.Interactive);
        else
            turn.Reply(text, keyboard, codes);
    }

    private async Task<(string Text, InlineKeyboard? Keyboard, IReadOnlyList<string> Codes)> PageAsync(View view, CancellationToken ct)
    {
        var keys = actor.IsAdmin ? context.Assembly.Secretariats.Select(s => s.Key).ToList() : actor.StaffOf.ToList();
        var open = turn.Db.Reports.AsNoTracking().Where(r => keys.Contains(r.Secretariat) && r.Stage != ReportStage.Closed);
        if (view.Stage is null && !view.Mine && !await open.AnyAsync(ct)) return (Texts.InboxEmpty, null, []);

        var chosen = open.Where(r => (view.Stage == null || r.Stage == view.Stage) && (!view.Mine || r.Assignee == actor.Account));
        var count = await chosen.CountAsync(ct);
        var pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        view = view with { Page = Math.Clamp(view.Page, 0, pages - 1) };
        // The nearest deadline first; reports without one (none is due) after, oldest first.
        var entries = await chosen.OrderBy(r => r.DueAt == null).ThenBy(r => r.DueAt).ThenBy(r => r.Id)
            .Skip(view.Page * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.Code, r.Topic, r.County, r.Stage, r.CreatedAt, r.DueAt, r.Assignee })
            .ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var events = await turn.Db.ReportEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ReportId) && (e.Kind == ReportEventKind.MemberMessage || e.Kind == ReportEventKind.MemberAttachment
                                                     || e.Kind == ReportEventKind.Replied))
            .Select(e => new { e.ReportId, e.Id, e.Kind }).ToListAsync(ct);
        var names = await StaffNames.OfAsync(turn.Db, entries.Select(e => e.Assignee), ct);

        bool Wrote(int report)
        {
            var mine = events.Where(e => e.ReportId == report).ToList();
            var answered = mine.Where(e => e.Kind == ReportEventKind.Replied).Select(e => e.Id).DefaultIfEmpty(0).Max();
            return mine.Any(e => e.Kind != ReportEventKind.Replied && e.Id > answered);
        }

        var lines = entries.Select((e, i) => Texts.InboxEntry(view.Page * PageSize + i + 1, e.Topic ?? Texts.NoTopic, e.County, e.Code,
            Texts.StageLabel(e.Stage), PersianTime.Relative(e.CreatedAt, turn.Now),
            e.Assignee is null ? null : names.GetValueOrDefault(e.Assignee, Texts.SomeStaff), e.DueAt <= turn.Now, Wrote(e.Id)));
        var filter = Texts.InboxFilter(view.Stage is { } stage ? Texts.StageLabel(stage) : null, view.Mine);
        var text = entries.Count == 0
            ? filter + "\n\n" + Texts.InboxNothingHere
            : Texts.InboxTitle(count, filter, view.Page + 1, pages) + "\n\n" + string.Join("\n\n", lines) + "\n\n" + Texts.InboxOrder;
        return (text, Keyboard(view, pages, entries.Select(e => e.Code).ToList()), entries.Select(e => e.Code).ToList());
    }

    private static InlineKeyboard Keyboard(View view, int pages, IReadOnlyList<string> codes)
    {
        var rows = codes.Chunk(2).Select(pair => (IReadOnlyList<InlineButton>)pair.Select(ReportCard.OpenButton).ToList()).ToList();
        InlineButton Stage(ReportStage? stage, string label) =>
            new((view.Stage == stage ? "✓ " : "") + label, (view with { Stage = stage, Page = 0 }).Data);
        rows.Add([Stage(null, Texts.InboxAllStages), Stage(ReportStage.Identification, Texts.StageLabel(ReportStage.Identification))]);
        rows.Add([Stage(ReportStage.Solution, Texts.StageLabel(ReportStage.Solution)), Stage(ReportStage.FollowUp, Texts.StageLabel(ReportStage.FollowUp))]);
        rows.Add([new InlineButton(view.Mine ? Texts.InboxEveryone : Texts.InboxMine, (view with { Mine = !view.Mine, Page = 0 }).Data)]);
        var paging = new List<InlineButton>();
        if (view.Page > 0) paging.Add(new InlineButton(Texts.InboxPrevious, (view with { Page = view.Page - 1 }).Data));
        if (view.Page < pages - 1) paging.Add(new InlineButton(Texts.InboxNext, (view with { Page = view.Page + 1 }).Data));
        if (paging.Count > 0) rows.Add(paging);
        return new InlineKeyboard(rows);
    }
}
