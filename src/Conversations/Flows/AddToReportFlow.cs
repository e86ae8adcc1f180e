using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A member adds a message, a file or a location to one of their own reports: from «مسئله‌های من», or as their answer
/// to the secretariat (<see cref="ReporterThread"/>).
/// </summary>
public sealed class AddToReportFlow : Flow<AddToReportFlow.State, AddToReportFlow.Trigger, AddToReportFlow.Answers>
{
    public const string Name = "add-to-report";

    public enum State { AwaitAddition }

    public enum Trigger { Back }

    public sealed class Answers
    {
        public string Code { get; set; } = "";

        /// <summary>Started by «پاسخ به دبیرخانه» under the secretariat's message, so asked as an answer.</summary>
        public bool Answering { get; set; }
    }

    private readonly FlowContext _context;

    public AddToReportFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        AskOnEntry(State.AwaitAddition);
    }

    public static string InitialState => nameof(State.AwaitAddition);

    /// <summary>Starts on a report the member picked; the code is checked again when the addition comes.</summary>
    public void For(string code, bool answering = false) => (Data.Code, Data.Answering) = (code, answering);

    protected override Trigger BackTrigger => Trigger.Back;

    protected override Task AskAsync()
    {
        Ask(Data.Answering ? Texts.AskAnswer(Data.Code) : Texts.AskAddition(Data.Code), Navigation(back: false));
        return Task.CompletedTask;
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        var report = await ReporterThread.OwnAsync(Turn, await MemberDirectory.SenderAsync(Turn, ct), Data.Code, _context, ct);
        if (report is null)
        {
            // Members see and touch only their own reports.
            Turn.Reply(Texts.NotYourReport, MainMenu.Keyboard);
            Finished = true;
            return;
        }

        if (await ReporterThread.AddAsync(Turn, report, input, _context, ct) is { } refused)
        {
            await RefuseAsync(refused);
            return;
        }

        Finished = true;
    }
}
