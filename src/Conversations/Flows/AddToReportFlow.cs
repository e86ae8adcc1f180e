using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A member adds to one of their own reports. From «مسئله‌های من», messages and files, as many as they like, until
/// «تمام», each added (and reaching staff) as it comes, so nothing waits on the last press to be kept. As the answer to
/// the secretariat («پاسخ به دبیرخانه»), one message, file or location, through <see cref="ReporterThread"/>.
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

        /// <summary>How many messages and files were added in this conversation.</summary>
        public int Added { get; set; }

        /// <summary>The album whose files are arriving, so they are answered once.</summary>
        public AlbumTally Album { get; set; } = new();
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
        if (Data.Answering) Ask(Texts.AskAnswer(Data.Code), Navigation(back: false));
        else if (Data.Added == 0) Ask(Texts.AskAddition(Data.Code), Navigation(back: false));
        else Ask(Texts.AddedAskMore(Data.Code), MoreButtons());
        return Task.CompletedTask;
    }

    private InlineKeyboard MoreButtons() => Choices([(Texts.Done, "done")], back: false);

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        if (!Data.Answering && (input.Choice == "done" || input.Text == Texts.Done))
        {
            Turn.Reply(Data.Added == 0 ? Texts.NothingAdded(Data.Code) : Texts.Added(Data.Code), MainMenu.Keyboard, [Data.Code]);
            Finished = true;
            return;
        }

        var report = await ReporterThread.OwnAsync(Turn, await MemberDirectory.SenderAsync(Turn, ct), Data.Code, _context, ct);
        if (report is null)
        {
            // Members see and touch only their own reports.
            Turn.Reply(Texts.NotYourReport, MainMenu.Keyboard);
            Finished = true;
            return;
        }

        if (Data.Answering)
        {
            if (await ReporterThread.AddAsync(Turn, report, input, _context, ct) is { } refused)
            {
                await RefuseAsync(refused);
                return;
            }

            Finished = true;
            return;
        }

        if (await ReporterThread.RefuseAsync(Turn, report, input, _context, ct) is { } limited)
        {
            await RefuseAsync(limited);
            return;
        }

        ReportAttachment? added = null;
        var later = false;
        if (input.IsText)
        {
            report.AddMessage(input.Text);
        }
        else if (input.Kind == IncomingKind.Media && input.Message.Attachment is { Kind: not AttachmentKind.Sticker } file)
        {
            if (file.FileSize > _context.Conversations.MaxFileBytes)
            {
                await RefuseAsync(Texts.FileTooLarge(_context.Conversations.MaxFileMegabytes));
                return;
            }

            added = ReporterThread.Kept(Turn, file);
            report.AddFile(added, input.Caption.Length > 0 ? input.Caption : null, input.Message.MediaGroupId);
            if (input.Message.MediaGroupId is { } group) later = AlbumReceipt.Count(Data.Album, group, kept: true);
        }
        else
        {
            await RefuseAsync(input.Message.Attachment?.Kind == AttachmentKind.Sticker ? Texts.StickerWhereTextExpected : Texts.AttachmentKindRefused);
            return;
        }

        Data.Added++;
        // An album's later files reach staff as files only: the first one's post already says what came.
        await Staff.StaffNotices.MemberAddedAsync(Turn, report.Report, input.IsText ? input.Text : input.Caption, added, _context, ct, post: !later || input.Caption.Length > 0);
        if (input.Message.MediaGroupId is { } album)
            await AlbumReceipt.AcknowledgeAsync(Turn, album, later, Texts.AddedAskMore(report.Code, Data.Album.Kept), MoreButtons(), ct);
        else
            await AskAsync();
    }
}
