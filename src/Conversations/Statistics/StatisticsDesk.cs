using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// <c>/stats</c>, <c>/export</c> and <c>/summary</c>: the year in numbers from the bot's own data. Called by
/// the <see cref="CommandCatalog"/> once the asker's role allowed the command; what the actor sees is their
/// <see cref="StatsScope"/>. The turn only checks the request and queues it; the numbers, charts and files are made
/// outside the writer's transaction (<see cref="ReadRequests"/>, <see cref="StatisticsWork"/>) and sent as outbox rows
/// like every reply (see <see cref="UploadMessage"/>).
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
        await QueueAsync(command, args, ct);
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

    /// <summary>
    /// Checks the period here, where a mistake is answered at once, and leaves the reading and drawing to the read
    /// worker (<see cref="ReadRequests"/>): the answer follows in the same private chat.
    /// </summary>
    private async Task QueueAsync(string command, string args, CancellationToken ct)
    {
        var (period, _, error) = await StatisticsWork.PeriodOfAsync(turn.Db, command, args, turn.Now, context.Zone, ct);
        if (period is null) { Say(error!); return; }
        if (await ReadRequests.QueueAsync(turn, command, args, _to, Scope, ct) is { } refusal) Say(refusal);
    }

    private void Say(string text) => turn.Send(_to, ChatKind.Private, new TextMessage(text), OutboxPriority.Interactive);
}
