using Assembly.Conversations.Members;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A text a member sent outside any conversation. It is kept here, in the conversation, until they say where it
/// belongs: a new report (the text becomes its description), or one of their reports still open. Nothing they wrote
/// is dropped with a «not recorded».
/// </summary>
public sealed class FreeTextFlow : Flow<FreeTextFlow.State, FreeTextFlow.Trigger, FreeTextFlow.Answers>
{
    public const string Name = "free-text";

    /// <summary>The open reports offered at most, newest first: more would not fit a phone's screen.</summary>
    public const int MostOffered = 5;

    private const string NewValue = "new";
    private const string AddPrefix = "a:";

    public enum State { Choose }

    public enum Trigger { Back }

    public sealed class Answers
    {
        public string Text { get; set; } = "";

        /// <summary>The codes the last question offered: the only ones a button may add to.</summary>
        public List<string> Offered { get; set; } = [];
    }

    private readonly FlowContext _context;

    public FreeTextFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        AskOnEntry(State.Choose);
    }

    public static string InitialState => nameof(State.Choose);

    public void Keep(string text) => Data.Text = text;

    protected override Trigger BackTrigger => Trigger.Back;

    protected override async Task AskAsync()
    {
        var member = await MemberDirectory.SenderAsync(Turn, CancellationToken.None);
        var open = member is null
            ? []
            : await Turn.Db.Reports.AsNoTracking()
                .Where(r => r.MemberId == member.Id && r.Stage != ReportStage.Closed)
                .OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).Take(MostOffered)
                .Select(r => new { r.Code, r.Topic })
                .ToListAsync();
        Data.Offered = open.Select(r => r.Code).ToList();
        var question = open.Count switch
        {
            0 => Texts.OfferNewReport,
            1 => Texts.OfferOneReport(open[0].Code),
            _ => Texts.OfferSeveralReports,
        };
        Ask(question, Choices(open.Select(r => (Texts.AddTextTo(r.Code), AddPrefix + r.Code)).Append((Texts.NewReportFromText, NewValue)), back: false));
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        if (input.Choice == NewValue)
        {
            var text = Data.Text;
            Then = new FlowStart(ReportFlow.Name, ReportFlow.InitialState, flow => ((ReportFlow)flow).Describe(text));
            Finished = true;
            return;
        }

        if (input.Choice is { } choice && choice.StartsWith(AddPrefix, StringComparison.Ordinal))
        {
            await AddAsync(choice[AddPrefix.Length..], ct);
            return;
        }

        // A tracking code typed while the offer waits is a question about that report, not more of the same message:
        // it is shown, and the offer stays where it was.
        if (input.IsText && TrackingCode.TryParse(input.Text, out var code) && await MemberDirectory.SenderAsync(Turn, ct) is { } member)
        {
            await MyReports.ShowAsync(Turn, member, code, _context, ct);
            return;
        }

        // More lines of the same message: kept with it, and the question asked again.
        if (input.IsText && Data.Text.Length + 1 + input.Text.Length <= PrivateChat.MaxTextLength)
        {
            Data.Text += "\n" + input.Text;
            Turn.Reply(Texts.OfferTextKept);
            await AskAsync();
            return;
        }

        await RefuseAsync(Texts.UseButtons);
    }

    private async Task AddAsync(string code, CancellationToken ct)
    {
        if (!Data.Offered.Contains(code, StringComparer.Ordinal))
        {
            await RefuseAsync(Texts.UseButtons);
            return;
        }

        if (await ReporterThread.OwnAsync(Turn, await MemberDirectory.SenderAsync(Turn, ct), code, _context, ct) is not { } report)
        {
            Turn.Reply(Texts.NotYourReport, MainMenu.Keyboard);
            Finished = true;
            return;
        }

        if (await ReporterThread.AddTextAsync(Turn, report, Data.Text, _context, ct) is { } limited)
        {
            // The text stays kept here, offered again, while the conversation lasts.
            await RefuseAsync(limited);
            return;
        }

        Finished = true;
    }
}
