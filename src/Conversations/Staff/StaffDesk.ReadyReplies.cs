using System.Globalization;
using System.Text.Json;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Configuration;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// Ready-made replies (پاسخ‌های آماده): each secretariat's, from the settings (<c>ReadyReplies</c> of the secretariat)
/// and added by its staff with <c>/ready</c>. After «پاسخ» they are offered as buttons; the one chosen is shown with
/// «ارسال همین متن», and a reply to it sends a changed version instead, so a standard
/// answer can be fitted to the case before the reporter reads it.
/// </summary>
public sealed partial class StaffDesk
{
    private const string ReadyHeld = "ready";

    /// <summary>The chosen reply, shown to send as is or to be answered with changed words; marked answered once either is done.</summary>
    private const string ReadyAction = "ready";

    /// <summary>How much of a reply a button shows.</summary>
    private const int ReadyLabelLength = 40;

    public static IReadOnlyList<Command> ReadyCommands { get; } =
    [
        new("ready", Need.Staff, Places.Both, Texts.ReadyUsage, Texts.ReadyHelp, (c, ct) => c.Staff.ReadyAsync(c, ct)),
    ];

    /// <summary><c>rr:pick:CODE:ID</c> under the offer; <c>rr:send:CODE</c> and <c>rr:drop:CODE</c> under the chosen text.</summary>
    public static IReadOnlyList<ButtonRoute> ReadyButtons { get; } =
    [
        new(ReadyPrefix, Need.Staff, Places.Both, (c, ct) => c.Staff.ReadyButtonAsync(c, ct)),
    ];

    public const string ReadyPrefix = "rr:";

    /// <summary>A secretariat's ready-made replies, the configured first: ids <c>cN</c> for those, the row's id for the added.</summary>
    private async Task<List<(string Id, string Text, bool Added)>> ReadyRepliesAsync(Turn turn, string secretariat, CancellationToken ct)
    {
        var configured = Routing.Find(context.Assembly, secretariat)?.ReadyReplies ?? [];
        var added = await turn.Db.ReadyReplies.AsNoTracking().Where(r => r.Secretariat == secretariat).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Text }).ToListAsync(ct);
        return
        [
            .. configured.Select((text, i) => ("c" + i.ToString(CultureInfo.InvariantCulture), text, false)),
            .. added.Select(r => (r.Id.ToString(CultureInfo.InvariantCulture), r.Text, true)),
        ];
    }

    /// <summary>After «پاسخ»: the secretariat's ready-made replies as buttons, before the prompt (which stays the last message).</summary>
    private async Task OfferReadyRepliesAsync(Turn turn, ReportAggregate report, CancellationToken ct)
    {
        var replies = await ReadyRepliesAsync(turn, report.Secretariat, ct);
        if (replies.Count == 0) return;
        turn.Reply(Texts.ReadyRepliesOffer(report.Code), new InlineKeyboard(replies.Select(r => (IReadOnlyList<InlineButton>)
            [new InlineButton(MessageLimits.Cut(PersianText.SingleLine(r.Text), ReadyLabelLength), $"{ReadyPrefix}pick:{report.Code}:{r.Id}")]).ToList()), [report.Code]);
    }

    private async Task ReadyButtonAsync(CommandCall call, CancellationToken ct)
    {
        var turn = call.Turn;
        var parts = (turn.In.ButtonData ?? "")[ReadyPrefix.Length..].Split(':');
        var (actor, work) = await WorkAsync(call, ct);
        if (parts.Length < 2 || await ReportAsync(turn, actor, parts[1], ct, tell: false) is not { } report)
        {
            turn.AnswerButton(Texts.UnknownCode);
            return;
        }

        if (parts is ["pick", _, var id])
        {
            if ((await ReadyRepliesAsync(turn, report.Secretariat, ct)).FirstOrDefault(r => r.Id == id).Text is not { } text)
            {
                turn.AnswerButton(Texts.StaleButton);
                return;
            }

            turn.AnswerButton();
            turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(Texts.ReadyReplyChosen(report.Code, text), ReadyChosenButtons(report.Code), Monospace: [report.Code])
            {
                Subject = report.Code, SubjectAction = ReadyAction, Memo = JsonSerializer.Serialize(new HeldWords(turn.In.From!.UserId, ReadyHeld, text)),
            }, OutboxPriority.Interactive);
            return;
        }

        // Under the chosen text: read back from it, acted on once (the question is marked answered in this transaction).
        if (await QuestionAsync(turn, turn.In.MessageId, ReadyAction, ct) is not { } question || question.Code != report.Code)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        if (question.Held.Writer != turn.In.From!.UserId)
        {
            turn.AnswerButton(Texts.HeldNotYours, asAlert: true);
            return;
        }

        if (!await AnsweredAsync(turn, question, ReadyAction, ct))
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        turn.AnswerButton();
        if (parts[0] == "send") await work.ReplyAsync(report, question.Held.Text, ct);
        else turn.Reply(Texts.HeldDropped);
    }

    /// <summary>Changed words written in reply to the chosen reply: sent instead of it, once.</summary>
    private async Task ReadyChangedAsync(Turn turn, ReportWork work, ReportAggregate report, string text, HeldFile? file, CancellationToken ct)
    {
        if (await QuestionAsync(turn, turn.In.ReplyToMessageId, ReadyAction, ct) is not { } question) return;
        if (text.Length == 0 && file is null) { turn.Reply(Texts.ReadyReplyEmpty); return; }
        if (!await AnsweredAsync(turn, question, ReadyAction, ct)) { turn.Reply(Texts.StaleButton); return; }
        await SendAsync(work, report, text, file, ct);
    }

    private static InlineKeyboard ReadyChosenButtons(string code) => new(
    [
        [new InlineButton(Texts.ReadySendButton, $"{ReadyPrefix}send:{code}"), new InlineButton(Texts.HeldDropButton, $"{ReadyPrefix}drop:{code}")],
    ]);

    /// <summary><c>/ready</c>: the list; <c>/ready افزودن متن</c>; <c>/ready حذف شماره</c>. Only what staff added can be removed here.</summary>
    private async Task ReadyAsync(CommandCall call, CancellationToken ct)
    {
        var turn = call.Turn;
        var actor = await call.ActorAsync(ct);
        var mine = context.Assembly.Secretariats.Where(s => actor.Works(s.Key)).ToList();
        var (verb, rest) = Split(call.Arguments);
        switch (PersianMatch.Fold(verb))
        {
            case "":
                var lists = new List<string>();
                foreach (var secretariat in mine)
                    lists.Add(Texts.ReadyRepliesList(secretariat.Name, (await ReadyRepliesAsync(turn, secretariat.Key, ct))
                        .Select(r => (r.Added ? r.Id : null, r.Text)).ToList()));
                turn.Reply(string.Join("\n\n", lists) + "\n\n" + Texts.ReadyHowTo);
                break;
            case "add" or "افزودن":
                var into = mine.Count == 1 ? mine[0] : null;
                if (into is null)
                {
                    // Named as staff read it elsewhere («رجایی», «شهید رجایی»…), the key still accepted.
                    var words = new DeskWords(context.Assembly);
                    into = words.TrySecretariat(rest, out var named, out var text) && actor.Works(named.Key) ? named : null;
                    if (into is null)
                    {
                        var names = context.Assembly.Secretariats.Zip(words.SecretariatNames).Where(p => actor.Works(p.First.Key)).Select(p => p.Second);
                        turn.Reply(Texts.ReadyWhichSecretariat(names.ToList()));
                        return;
                    }

                    rest = text;
                }

                if (rest.Length == 0) { turn.Reply(Texts.ReadyReplyEmpty); return; }
                if (rest.Length > ReadyReplyConfiguration.MaxText) { turn.Reply(Texts.ReadyReplyTooLong(ReadyReplyConfiguration.MaxText)); return; }
                var added = new ReadyReply { Secretariat = into.Key, Text = rest, AddedBy = actor.Account, AddedAt = turn.Now };
                turn.Db.ReadyReplies.Add(added);
                await turn.Db.SaveChangesAsync(ct);
                turn.Reply(Texts.ReadyReplyAdded(added.Id, into.Name));
                break;
            case "remove" or "حذف":
                var keys = mine.Select(s => s.Key).ToList();
                var removed = int.TryParse(PersianText.ToLatinDigits(rest), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? await turn.Db.ReadyReplies.Where(r => r.Id == number && keys.Contains(r.Secretariat)).ExecuteDeleteAsync(ct)
                    : 0;
                turn.Reply(removed == 0 ? Texts.ReadyReplyNotFound : Texts.ReadyReplyRemoved(number));
                break;
            default:
                turn.Reply(Texts.Usage("/ready " + Texts.ReadyUsage));
                break;
        }
    }
}
