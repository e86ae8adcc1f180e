using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>A member adds a message or a file to one of their own reports.</summary>
public sealed class AddToReportFlow : Flow<AddToReportFlow.State, AddToReportFlow.Trigger, AddToReportFlow.Answers>
{
    public const string Name = "add-to-report";

    public enum State { AwaitAddition }

    public enum Trigger { Back }

    public sealed class Answers
    {
        public string Code { get; set; } = "";
    }

    private readonly FlowContext _context;

    public AddToReportFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        AskOnEntry(State.AwaitAddition);
    }

    public static string InitialState => nameof(State.AwaitAddition);

    /// <summary>Starts on a report the member picked; the code is checked again when the addition comes.</summary>
    public void For(string code) => Data.Code = code;

    protected override Trigger BackTrigger => Trigger.Back;

    protected override Task AskAsync()
    {
        Ask(Texts.AskAddition(Data.Code), Navigation(back: false));
        return Task.CompletedTask;
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        var member = await MemberDirectory.SenderAsync(Turn, ct);
        var report = member is null ? null : await ReportAggregate.LoadAsync(Turn, _context, Data.Code, ct);
        if (report is null || report.Report.MemberId != member!.Id)
        {
            // Members see and touch only their own reports.
            Turn.Reply(Texts.NotYourReport, MainMenu.Keyboard);
            Finished = true;
            return;
        }

        ReportAttachment? added = null;
        if (input.IsText)
        {
            report.AddMessage(input.Text);
        }
        else if (input.Kind == IncomingKind.Media && input.Message.Attachment is { Kind: not AttachmentKind.Sticker } file)
        {
            if (file.FileSize > _context.Conversations.MaxFileMegabytes * 1024L * 1024L)
            {
                await RefuseAsync(Texts.FileTooLarge(_context.Conversations.MaxFileMegabytes));
                return;
            }

            added = new ReportAttachment { Kind = file.Kind.ToString().ToLowerInvariant(), Messenger = Turn.In.Messenger, FileId = file.FileId, FileName = file.FileName, AddedAt = Turn.Now };
            report.AddFile(added, input.Caption.Length > 0 ? input.Caption : null);
        }
        else
        {
            await RefuseAsync(Texts.AttachmentKindRefused);
            return;
        }

        await Staff.StaffNotices.MemberAddedAsync(Turn, report.Report, input.IsText ? input.Text : input.Caption, added, _context, ct);
        Turn.Reply(Texts.Added(report.Code), MainMenu.Keyboard, [report.Code]);
        Finished = true;
    }
}
