using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// Reporting a problem: topic (or «نمی‌دانم» and a suggestion from the description), description,
/// attachments, where, a proposed solution, whether the secretariat sees the name, a preview to edit, and
/// on confirmation a report with a tracking code.
/// </summary>
public sealed class ReportFlow : Flow<ReportFlow.State, ReportFlow.Trigger, ReportFlow.Answers>
{
    public const string Name = "report";

    public enum State { Topic, DescribeFirst, ConfirmSecretariat, Description, Attachments, County, Place, Solution, Anonymity, Preview, Resume }

    public enum Trigger { Next, Back, DontKnow, EditTopic, EditDescription, EditAttachments, EditPlace, EditSolution, EditAnonymity, Continue, Fresh }

    /// <summary>Where «ثبت مسئله» starts when a draft is kept: the question whether to continue it.</summary>
    public const string ResumeState = nameof(State.Resume);

    /// <summary>The buttons of the question asked when a menu button is pressed in the middle of a report.</summary>
    public const string KeepGoing = "keep", DropReport = "drop";

    public sealed class Answers
    {
        public string? Topic { get; set; }
        public string? Secretariat { get; set; }
        public RoutingReason RoutedBy { get; set; }
        public string? RoutedOn { get; set; }
        public string? Suggested { get; set; }
        public string? Description { get; set; }
        public List<AttachmentAnswer> Attachments { get; set; } = [];
        public string? County { get; set; }
        public string? Place { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public string? Solution { get; set; }
        public bool Anonymous { get; set; }

        /// <summary>
        /// The description came before the topic (a text the member sent outside any conversation): the description step
        /// is passed over once, when the topic is chosen.
        /// </summary>
        public bool Described { get; set; }

        /// <summary>The album whose files are arriving, so they are answered once.</summary>
        public AlbumTally Album { get; set; } = new();

        /// <summary>A voice message was sent as the description: a line of text, or none, completes it.</summary>
        public bool Spoken { get; set; }

        /// <summary>Set once the preview was shown: every edit then returns to it.</summary>
        public bool Reviewing { get; set; }

        /// <summary>The step a kept draft stopped at, while the member chooses to continue it or start afresh.</summary>
        public string? DraftState { get; set; }

        /// <summary>When the draft goes, should the member leave that question unanswered (<see cref="Drafts.Unresume"/>).</summary>
        public DateTime? DraftUntil { get; set; }

        /// <summary>Forgets every answer, for a fresh start over a draft.</summary>
        public void Clear()
        {
            (Topic, Secretariat, RoutedBy, RoutedOn, Suggested, Description) = (null, null, default, null, null, null);
            (County, Place, Latitude, Longitude, Solution, Anonymous) = (null, null, null, null, null, false);
            (Album, Spoken, Reviewing, DraftState, DraftUntil) = (new AlbumTally(), false, false, null, null);
            Attachments.Clear();
            Offered.Clear();
        }

        /// <summary>
        /// The codes of the similar reports the last preview offered: the only ones a follow button may name, so a
        /// button forged with another code follows nothing.
        /// </summary>
        public List<string> Offered { get; set; } = [];
    }

    public sealed record AttachmentAnswer(string Kind, string FileId, string? FileName);

    private static readonly HashSet<AttachmentKind> Accepted = [AttachmentKind.Photo, AttachmentKind.Document, AttachmentKind.Voice, AttachmentKind.Audio, AttachmentKind.Video];

    private readonly FlowContext _context;

    public ReportFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        State ReviewOr(State next) => Data.Reviewing ? State.Preview : next;

        Machine.Configure(State.Topic)
            .PermitDynamic(Trigger.Next, () => ReviewOr(Data.Described ? State.Attachments : State.Description), "reviewing the preview, or described already?",
                new() { { State.Preview, "reviewing the preview" }, { State.Attachments, "described already" }, { State.Description, "not yet described" } })
            .PermitDynamic(Trigger.DontKnow, () => Data.Described ? State.ConfirmSecretariat : State.DescribeFirst, "described already?",
                new() { { State.ConfirmSecretariat, "described already" }, { State.DescribeFirst, "not yet described" } });
        Machine.Configure(State.DescribeFirst).Permit(Trigger.Next, State.ConfirmSecretariat).Permit(Trigger.Back, State.Topic);
        Machine.Configure(State.ConfirmSecretariat)
            .PermitDynamic(Trigger.Next, () => ReviewOr(State.Attachments), "reviewing the preview?",
                new() { { State.Preview, "reviewing the preview" }, { State.Attachments, "not yet reviewing" } })
            .Permit(Trigger.Back, State.DescribeFirst);
        Machine.Configure(State.Description)
            .PermitDynamic(Trigger.Next, () => ReviewOr(State.Attachments), "reviewing the preview?",
                new() { { State.Preview, "reviewing the preview" }, { State.Attachments, "not yet reviewing" } })
            .Permit(Trigger.Back, State.Topic);
        Machine.Configure(State.Attachments)
            .PermitDynamic(Trigger.Next, () => ReviewOr(State.County), "reviewing the preview?",
                new() { { State.Preview, "reviewing the preview" }, { State.County, "not yet reviewing" } })
            .PermitDynamic(Trigger.Back, () => Data.RoutedBy == RoutingReason.TopicChosen ? State.Description : State.ConfirmSecretariat, "how was it routed?",
                new() { { State.Description, "topic chosen" }, { State.ConfirmSecretariat, "secretariat suggested or chosen" } });
        Machine.Configure(State.County).Permit(Trigger.Next, State.Place).Permit(Trigger.Back, State.Attachments);
        Machine.Configure(State.Place)
            .PermitDynamic(Trigger.Next, () => ReviewOr(State.Solution), "reviewing the preview?",
                new() { { State.Preview, "reviewing the preview" }, { State.Solution, "not yet reviewing" } })
            .Permit(Trigger.Back, State.County);
        Machine.Configure(State.Solution)
            .PermitDynamic(Trigger.Next, () => ReviewOr(State.Anonymity), "reviewing the preview?",
                new() { { State.Preview, "reviewing the preview" }, { State.Anonymity, "not yet reviewing" } })
            .Permit(Trigger.Back, State.Place);
        Machine.Configure(State.Anonymity).Permit(Trigger.Next, State.Preview).Permit(Trigger.Back, State.Solution);
        Machine.Configure(State.Resume)
            .PermitDynamic(Trigger.Continue, () => Enum.TryParse<State>(Data.DraftState, out var at) && at != State.Resume ? at : State.Topic, "the step the draft stopped at",
                DraftSteps())
            .Permit(Trigger.Fresh, State.Topic);
        Machine.Configure(State.Preview)
            .OnEntry(() => Data.Reviewing = true)
            .Permit(Trigger.Back, State.Anonymity)
            .Permit(Trigger.EditTopic, State.Topic)
            .Permit(Trigger.EditDescription, State.Description)
            .Permit(Trigger.EditAttachments, State.Attachments)
            .Permit(Trigger.EditPlace, State.County)
            .Permit(Trigger.EditSolution, State.Solution)
            .Permit(Trigger.EditAnonymity, State.Anonymity);
        AskOnEntry(Enum.GetValues<State>());
    }

    public static string InitialState => nameof(State.Topic);

    /// <summary>
    /// Starts with a text the member already sent as the description, when it is long enough to be one; otherwise the
    /// description is asked for as usual.
    /// </summary>
    public void Describe(string text)
    {
        if (PersianMatch.Words(text).Count < _context.Conversations.MinDescriptionWords) return;
        (Data.Description, Data.Described) = (text, true);
    }

    private static Stateless.Reflection.DynamicStateInfos DraftSteps()
    {
        var steps = new Stateless.Reflection.DynamicStateInfos();
        foreach (var step in Enum.GetValues<State>().Where(s => s != State.Resume)) steps.Add(step, "stopped at " + step);
        return steps;
    }

    protected override Trigger BackTrigger => Trigger.Back;

    private IReadOnlyList<(SecretariatOptions Secretariat, string Topic)> Topics => Routing.Topics(_context.Assembly);

    protected override async Task AskAsync()
    {
        var options = _context.Conversations;
        switch (Current)
        {
            case State.Topic:
                Ask(Data.Described ? Texts.DescribedAskTopic : Texts.AskTopic, Choices(FlowInput.Indexed(Topics.Select(t => t.Topic)).Append((Texts.DontKnow, "unknown")), perRow: 2, back: false));
                break;
            case State.DescribeFirst or State.Description:
                if (Data.Spoken) Ask(Texts.AskLineForVoice, Choices([(Texts.NoText, "notext")]));
                else Ask(Texts.AskDescription(options.MinDescriptionWords), Navigation());
                break;
            case State.ConfirmSecretariat:
                var secretariats = FlowInput.Indexed(_context.Assembly.Secretariats.Select(s => s.Name));
                if (Routing.Find(_context.Assembly, Data.Suggested) is { } suggested)
                    Ask(Texts.SuggestSecretariat(suggested.Name, suggested.Liaison, Data.RoutedOn!), Choices(secretariats.Prepend((Texts.ConfirmSuggestion, "ok"))));
                else
                    Ask(Texts.ChooseSecretariat, Choices(secretariats));
                break;
            case State.Attachments:
                Ask(Texts.AskAttachments(Data.Attachments.Count, options.MaxAttachments), AttachmentButtons());
                break;
            case State.County:
                var memberCounty = (await MemberDirectory.SenderAsync(Turn, CancellationToken.None))?.County;
                var counties = _context.Assembly.Counties;
                Ask(Texts.AskReportCounty(memberCounty ?? counties[0]),
                    Choices(FlowInput.Indexed(counties.Select(c => c == memberCounty ? $"{c} {Texts.SameCounty}" : c)), perRow: 2));
                break;
            case State.Place:
                // A location can only be shared from a reply keyboard; «بازگشت» and «لغو» come back as text.
                Ask(Texts.AskPlace, new ReplyKeyboard([[Texts.SendLocation], [Texts.Back, Texts.Cancel]], RequestLocationOnFirst: true));
                break;
            case State.Solution:
                Ask(Texts.AskSolution, Choices([(Texts.SkipAnswer, "skip")]));
                break;
            case State.Anonymity:
                Ask(Texts.AskAnonymity, Choices([(Texts.ShowMyName, "named"), (Texts.SendAnonymously, "anonymous")]));
                break;
            case State.Resume:
                Ask(Texts.AskResumeDraft, Choices([(Texts.ContinueDraft, "continue"), (Texts.FreshStart, "fresh")], back: false));
                break;
            case State.Preview:
                var similar = await SimilarAsync();
                Data.Offered = similar.Select(r => r.Code).ToList();
                var text = PreviewText()
                           + (similar.Count == 0 ? "" : Texts.SimilarOpenReports(similar.Select(r => (r.Code, r.Topic, r.County, Texts.StageLabel(r.Stage))).ToList()))
                           + Texts.PreviewNextStep;
                Ask(text, Choices(
                    similar.Select(r => (Texts.FollowButton(r.Code), FollowPrefix + r.Code)).Concat(
                    [
                        (Texts.EditTopic, "e:topic"), (Texts.EditDescription, "e:description"),
                        (Texts.EditAttachments, "e:attachments"), (Texts.EditPlace, "e:place"),
                        (Texts.EditSolution, "e:solution"), (Texts.EditAnonymity, "e:anonymity"),
                        (Texts.Submit, "submit"),
                    ]), perRow: 2));
                break;
        }
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        // The answer to «a menu button was pressed in the middle of a report: drop it?» (see PrivateChat).
        if (input.Choice == KeepGoing) { await AskAsync(); return; }
        if (input.Choice == DropReport)
        {
            Turn.Reply(Texts.ReportDropped, MainMenu.Keyboard);
            Finished = true;
            return;
        }

        switch (Current)
        {
            case State.Resume:
                if (input.Choice == "continue")
                {
                    await Machine.FireAsync(Trigger.Continue);
                    (Data.DraftState, Data.DraftUntil) = (null, null);
                }
                else if (input.Choice == "fresh")
                {
                    Data.Clear();
                    await Machine.FireAsync(Trigger.Fresh);
                }
                else
                {
                    await RefuseAsync(Texts.UseButtons);
                }

                return;

            case State.Topic:
                if (input.Choice == "unknown" || input.Text == Texts.DontKnow)
                {
                    if (Data.Described) Suggest(Data.Description!);
                    await Machine.FireAsync(Trigger.DontKnow);
                    // Passed over once; going back later asks for the description like any other step.
                    Data.Described = false;
                    return;
                }

                var index = input.Pick(Topics.Select(t => t.Topic).ToList()) is { } topic ? Topics.ToList().FindIndex(t => t.Topic == topic) : -1;
                if (index < 0) { await RefuseAsync(Texts.UseButtons); return; }
                (Data.Topic, Data.Secretariat) = (Topics[index].Topic, Topics[index].Secretariat.Key);
                (Data.RoutedBy, Data.RoutedOn) = (RoutingReason.TopicChosen, Topics[index].Topic);
                await Machine.FireAsync(Trigger.Next);
                Data.Described = false;
                return;

            case State.DescribeFirst or State.Description:
                if (await DescriptionFromAsync(input) is not { } description) return;
                Data.Description = description;
                Data.Spoken = false;
                if (Current == State.DescribeFirst) Suggest(description);
                await Machine.FireAsync(Trigger.Next);
                return;

            case State.ConfirmSecretariat:
                if (input.Choice == "ok" && Data.Suggested is not null)
                {
                    (Data.Secretariat, Data.RoutedBy) = (Data.Suggested, RoutingReason.KeywordMatched);
                }
                else if (input.Pick(_context.Assembly.Secretariats.Select(s => s.Name).ToList()) is { } name)
                {
                    Data.Secretariat = _context.Assembly.Secretariats.First(s => s.Name == name).Key;
                    // Chosen by the member, over the suggestion or without one; the keyword stays as the record of what was suggested.
                    Data.RoutedBy = Data.Secretariat == Data.Suggested ? RoutingReason.KeywordMatched : RoutingReason.ChosenByMember;
                }
                else
                {
                    await RefuseAsync(Texts.UseButtons);
                    return;
                }

                Data.Topic = null;
                await Machine.FireAsync(Trigger.Next);
                return;

            case State.Attachments:
                await AnswerAttachmentAsync(input);
                return;

            case State.County:
                var county = TypedCounty.Pick(input, _context.Assembly.Counties);
                if (county is null) { await RefuseAsync(Texts.CountyInvalid); return; }
                Data.County = county;
                await Machine.FireAsync(Trigger.Next);
                return;

            case State.Place:
                if (input.Kind == IncomingKind.Location && input.Message.Location is { } location)
                {
                    (Data.Place, Data.Latitude, Data.Longitude) = (Texts.PlaceByLocation, location.Latitude, location.Longitude);
                }
                else if (input.IsText && input.Text == Texts.SendLocation)
                {
                    await RefuseAsync(Texts.LocationNotShared);
                    return;
                }
                else if (input.IsText)
                {
                    // One line, as staff read it in the report's post.
                    var place = PersianText.SingleLine(input.Text);
                    if (place.Count(PersianText.IsVisibleLetterOrDigit) < 2) { await RefuseAsync(Texts.PlaceTooShort); return; }
                    (Data.Place, Data.Latitude, Data.Longitude) = (place, null, null);
                }
                else
                {
                    await RefuseAsync(IsSticker(input) ? Texts.StickerWhereTextExpected : Texts.PlaceTooShort);
                    return;
                }

                // The place's reply keyboard goes, and the menu's does not come up in its stead: the member is still
                // filing, and the next step's buttons are under its question. The menu comes back when the report is
                // filed (SubmitAsync) or left: followed instead, dropped, cancelled, or given up as idle.
                Turn.Reply(Data.Latitude is null ? Texts.PlaceNoted : Texts.LocationNoted, new RemoveKeyboard());
                await Machine.FireAsync(Trigger.Next);
                return;

            case State.Solution:
                if (input.Choice == "skip" || input.Text == Texts.SkipAnswer) Data.Solution = null;
                else if (input.IsText) Data.Solution = input.Text;
                else { await RefuseAsync(IsSticker(input) ? Texts.StickerWhereTextExpected : Texts.TextExpectedHere); return; }
                await Machine.FireAsync(Trigger.Next);
                return;

            case State.Anonymity:
                if (input.Choice is not ("named" or "anonymous")) { await RefuseAsync(Texts.UseButtons); return; }
                Data.Anonymous = input.Choice == "anonymous";
                await Machine.FireAsync(Trigger.Next);
                return;

            case State.Preview:
                await AnswerPreviewAsync(input, ct);
                return;
        }
    }

    private async Task AnswerAttachmentAsync(FlowInput input)
    {
        var options = _context.Conversations;
        if (input.Choice == "done" || input.Text == Texts.Done)
        {
            await Machine.FireAsync(Trigger.Next);
            return;
        }

        if (input.Choice == "clear")
        {
            Data.Attachments.Clear();
            await AskAsync();
            return;
        }

        if (input.Kind != IncomingKind.Media || input.Message.Attachment is not { } file || !Accepted.Contains(file.Kind))
        {
            await RefuseAsync(Texts.AttachmentKindRefused);
            return;
        }

        var refusal = Keep(file);
        if (input.Message.MediaGroupId is { } group)
        {
            var later = AlbumReceipt.Count(Data.Album, group, kept: refusal is null);
            var text = (Data.Album.Refused > 0 ? Texts.AlbumRefused(Data.Album.Refused, options.MaxAttachments, options.MaxFileMegabytes) + "\n\n" : "")
                       + Texts.AskAttachments(Data.Attachments.Count, options.MaxAttachments);
            await AlbumReceipt.AcknowledgeAsync(Turn, group, later, text, AttachmentButtons(), CancellationToken.None);
            return;
        }

        if (refusal is not null) { Turn.Reply(refusal); return; }
        await AskAsync();
    }

    /// <summary>Keeps the file among the report's attachments; the reason when it cannot (too many, too large).</summary>
    private string? Keep(Attachment file)
    {
        var options = _context.Conversations;
        if (Data.Attachments.Count >= options.MaxAttachments) return Texts.TooManyAttachments(options.MaxAttachments);
        if (file.FileSize > options.MaxFileBytes) return Texts.FileTooLarge(options.MaxFileMegabytes);
        Data.Attachments.Add(new AttachmentAnswer(file.Kind.ToString().ToLowerInvariant(), file.FileId, file.FileName));
        return null;
    }

    private InlineKeyboard AttachmentButtons() => Choices(Data.Attachments.Count > 0
        ? [(Texts.Done, "done"), (Texts.ClearAttachments, "clear")]
        : new[] { (Texts.Done, "done") }, perRow: 2);

    private static bool IsSticker(FlowInput input) => input.Message.Attachment?.Kind == AttachmentKind.Sticker;

    /// <summary>
    /// The description from what the member sent at that step, or null once told what is missing. A file sent there
    /// is kept as an attachment: a voice message is the description itself, completed by a line of text or «بدون متن»;
    /// a caption on a photo or document is the description. A sticker is no description, and says so.
    /// </summary>
    private async Task<string?> DescriptionFromAsync(FlowInput input)
    {
        var options = _context.Conversations;
        if (Data.Spoken && (input.Choice == "notext" || input.Text == Texts.NoText)) return Texts.DescriptionInVoice;
        if (input.Kind == IncomingKind.Media && input.Message.Attachment is { } file && Accepted.Contains(file.Kind))
        {
            if (Keep(file) is { } refusal) { await RefuseAsync(refusal); return null; }
            if (file.Kind is AttachmentKind.Voice or AttachmentKind.Audio && input.Caption.Length == 0)
            {
                Data.Spoken = true;
                Turn.Reply(Texts.VoiceKept);
                await AskAsync();
                return null;
            }

            if (input.Caption.Length == 0) { await RefuseAsync(Texts.FileKeptDescribeIt); return null; }
            if (PersianMatch.Words(input.Caption).Count < options.MinDescriptionWords)
            {
                await RefuseAsync(Texts.FileKeptDescribeIt + " " + Texts.DescriptionTooShort(options.MinDescriptionWords));
                return null;
            }

            return input.Caption;
        }

        if (!input.IsText)
        {
            await RefuseAsync(IsSticker(input) ? Texts.StickerWhereTextExpected : Texts.TextExpectedHere);
            return null;
        }

        // After a voice message one line is enough: the voice says the rest.
        if (!Data.Spoken && PersianMatch.Words(input.Text).Count < options.MinDescriptionWords)
        {
            await RefuseAsync(Texts.DescriptionTooShort(options.MinDescriptionWords));
            return null;
        }

        return input.Text;
    }

    private async Task AnswerPreviewAsync(FlowInput input, CancellationToken ct)
    {
        var trigger = input.Choice switch
        {
            "e:topic" => Trigger.EditTopic,
            "e:description" => Trigger.EditDescription,
            "e:attachments" => Trigger.EditAttachments,
            "e:place" => Trigger.EditPlace,
            "e:solution" => Trigger.EditSolution,
            "e:anonymity" => Trigger.EditAnonymity,
            _ => (Trigger?)null,
        };
        if (trigger is { } edit)
        {
            await Machine.FireAsync(edit);
            return;
        }

        if (input.Choice?.StartsWith(FollowPrefix, StringComparison.Ordinal) == true)
        {
            await FollowAsync(input.Choice[FollowPrefix.Length..], ct);
            return;
        }

        if (input.Choice != "submit") { await RefuseAsync(Texts.UseButtons); return; }
        await SubmitAsync(ct);
    }

    private const string FollowPrefix = "f:";

    /// <summary>The secretariat a description's keywords point to, offered to a member who does not know the topic.</summary>
    private void Suggest(string description)
    {
        var suggestion = Routing.Suggest(_context.Assembly, description);
        (Data.Suggested, Data.RoutedOn) = (suggestion?.Secretariat.Key, suggestion?.Keyword);
    }

    private async Task<IReadOnlyList<SimilarReports.Match>> SimilarAsync()
    {
        var member = await MemberDirectory.SenderAsync(Turn, CancellationToken.None);
        return member is null || Data.Secretariat is null || Data.County is null || Data.Description is null
            ? []
            : await SimilarReports.FindAsync(Turn.Db, Data.Secretariat, Data.County, Data.Description, member.Id, CancellationToken.None);
    }

    /// <summary>The member's problem is already reported: they follow that report and nothing new is filed.</summary>
    private async Task FollowAsync(string code, CancellationToken ct)
    {
        if (!Data.Offered.Contains(code, StringComparer.Ordinal))
        {
            await RefuseAsync(Texts.FollowNotOffered);
            return;
        }

        var member = await MemberDirectory.SenderAsync(Turn, ct);
        var report = member is null ? null : await ReportAggregate.LoadAsync(Turn, _context, code, ct);
        if (report is null || !await report.FollowAsync(member!.Id, ct))
        {
            await RefuseAsync(Texts.CannotFollow);
            return;
        }

        Turn.Reply(Texts.Following(code), MainMenu.Keyboard, [code]);
        Finished = true;
    }

    private async Task SubmitAsync(CancellationToken ct)
    {
        var member = await MemberDirectory.SenderAsync(Turn, ct)
                     ?? throw new InvalidOperationException("A report was confirmed by somebody who is not a member.");
        if (await MemberLimits.RefuseReportAsync(Turn, member.Id, _context.Conversations, _context.Zone, ct) is { } limited)
        {
            // The answers stay in this conversation (and become a draft if left): sent again later, nothing is retyped.
            await RefuseAsync(limited);
            return;
        }

        var secretariat = Routing.Find(_context.Assembly, Data.Secretariat)
                          ?? throw new InvalidOperationException($"Secretariat '{Data.Secretariat}' is not configured.");
        var code = await ReportCodes.NextAsync(Turn.Db, secretariat.CodePrefix, ct);
        var report = new Report
        {
            Code = code,
            MemberId = member.Id,
            Secretariat = secretariat.Key,
            RoutedBy = Data.RoutedBy,
            RoutedOn = Data.RoutedOn,
            Topic = Data.Topic,
            Description = Data.Description!,
            MatchWords = SimilarReports.MatchWordsOf(Data.Description!),
            County = Data.County!,
            Place = Data.Place,
            Latitude = Data.Latitude,
            Longitude = Data.Longitude,
            ProposedSolution = Data.Solution,
            Anonymous = Data.Anonymous,
            CreatedAt = Turn.Now,
            UpdatedAt = Turn.Now,
        };
        report.Attachments.AddRange(Data.Attachments.Select(a => new ReportAttachment
        {
            Kind = a.Kind, Messenger = Turn.In.Messenger, FileId = a.FileId, FileName = a.FileName, AddedAt = Turn.Now,
        }));
        await ReportAggregate.SubmitAsync(Turn, _context, report, ct);
        await Staff.StaffNotices.PostReportAsync(Turn, report, member, _context, ct);

        // The menu's keyboard, gone since the place step, comes back with a line of thanks: the tracking code's message
        // carries the button that answers the secretariat, and a message has one keyboard.
        Turn.Reply(Texts.ThanksForReport, MainMenu.Keyboard);
        // The tracking code's message is the report's first in the thread: a reply to it, or its button, answers the secretariat.
        ReporterThread.ReplyAbout(Turn, code, Texts.Submitted(code, secretariat.Name, secretariat.FirstAnswerHours), ReporterThread.AnswerButton(code));
        Finished = true;
    }

    private string PreviewText()
    {
        var secretariat = Routing.Find(_context.Assembly, Data.Secretariat);
        // Cut, so the preview and its submit button stay one message however long the answers were.
        return Texts.Preview(Data.Topic ?? Texts.NoTopic, secretariat?.Name ?? "—", MessageLimits.Cut(Data.Description ?? "—", QuotedLength.Description),
            Data.Attachments.Count, Data.County ?? "—", MessageLimits.Cut(Data.Place ?? "—", QuotedLength.Place),
            Data.Solution is { } solution ? MessageLimits.Cut(solution, QuotedLength.Solution) : null, Data.Anonymous);
    }
}
