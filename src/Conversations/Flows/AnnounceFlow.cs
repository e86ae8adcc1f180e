using Assembly.Conversations.Announcements;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// An organizer's announcement: the text (with a photo or document if wanted), the audience, a preview
/// that says how many it will reach, and an explicit send. The send button acts once: it belongs to the
/// preview's step, and the conversation ends with it.
/// </summary>
public sealed class AnnounceFlow : Flow<AnnounceFlow.State, AnnounceFlow.Trigger, AnnounceFlow.Answers>
{
    public const string Name = "announce";

    /// <summary>The longest caption Telegram accepts under a photo or document.</summary>
    private const int MaxCaption = 1024;

    public enum State { Content, AudienceKind, AudienceValue, Preview }

    public enum Trigger { Next, Back, Choose, EditText, EditAudience, AddAudience }

    public sealed class Answers
    {
        public string? Text { get; set; }
        public string? FileKind { get; set; }
        public string? FileId { get; set; }
        public string? FileMessenger { get; set; }
        public AudienceDraft Audience { get; set; } = new();
    }

    private readonly FlowContext _context;

    public AnnounceFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        Machine.Configure(State.Content).Permit(Trigger.Next, State.AudienceKind);
        Machine.Configure(State.AudienceKind).Permit(Trigger.Next, State.Preview).Permit(Trigger.Choose, State.AudienceValue).Permit(Trigger.Back, State.Content);
        Machine.Configure(State.AudienceValue).Permit(Trigger.Next, State.Preview).Permit(Trigger.Back, State.AudienceKind);
        Machine.Configure(State.Preview).Permit(Trigger.EditText, State.Content).Permit(Trigger.EditAudience, State.AudienceKind)
            .Permit(Trigger.AddAudience, State.AudienceKind).Permit(Trigger.Back, State.AudienceKind);
        AskOnEntry(Enum.GetValues<State>());
    }

    public static string InitialState => nameof(State.Content);

    protected override Trigger BackTrigger => Trigger.Back;

    private Audience Audience => Data.Audience.Audience;


    protected override async Task AskAsync()
    {
        switch (Current)
        {
            case State.Content:
                Ask(Texts.AskAnnouncement, Navigation(back: false));
                break;
            case State.AudienceKind:
                Ask(Texts.AskAudience, Choices(AudienceChoice.Kinds));
                break;
            case State.AudienceValue:
                Ask(AudienceChoice.Question(Data.Audience.Kind), Choices(FlowInput.Indexed(AudienceChoice.Values(_context, Data.Audience.Kind)), perRow: 2));
                break;
            case State.Preview:
                var count = await People.CountAsync(Turn.Db, await Audience.ChatsAsync(Turn.Db, _context, CancellationToken.None), CancellationToken.None);
                var edits = new List<(string, string)> { (Texts.EditText, "e:text"), (Texts.EditAudience, "e:audience"), (Texts.AddAudience, "e:add") };
                if (count == 0)
                    Ask(Texts.AudienceReachesNobody, Choices(edits, perRow: 2));
                else
                    Ask(Texts.AnnouncementPreview(Data.Text!, Audience.Describe(_context), count, Data.FileId is not null),
                        Choices(edits.Prepend((Texts.SendTo(count), "send")), perRow: 2));
                break;
        }
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        switch (Current)
        {
            case State.Content:
                await AnswerContentAsync(input);
                return;
            case State.AudienceKind:
                if (Data.Audience.TakeKind(input.Choice) is not { } complete) { await RefuseAsync(Texts.UseButtons); return; }
                await Machine.FireAsync(complete ? Trigger.Next : Trigger.Choose);
                return;
            case State.AudienceValue:
                if (!Data.Audience.TakeValue(input, _context)) { await RefuseAsync(Texts.UseButtons); return; }
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Preview:
                switch (input.Choice)
                {
                    case "e:text": await Machine.FireAsync(Trigger.EditText); return;
                    case "e:audience": Data.Audience.Adding = false; await Machine.FireAsync(Trigger.EditAudience); return;
                    case "e:add": Data.Audience.Adding = true; await Machine.FireAsync(Trigger.AddAudience); return;
                    case "send": await SendAsync(ct); return;
                    default: await RefuseAsync(Texts.UseButtons); return;
                }
        }
    }

    private async Task AnswerContentAsync(FlowInput input)
    {
        var message = input.Message;
        if (input.Kind == IncomingKind.Media && message.Attachment is { Kind: AttachmentKind.Photo or AttachmentKind.Document } file)
        {
            var caption = input.Caption;
            if (caption.Length == 0) { await RefuseAsync(Texts.AnnouncementEmpty); return; }
            if (caption.Length > MaxCaption) { await RefuseAsync(Texts.AnnouncementTooLong(MaxCaption)); return; }
            (Data.Text, Data.FileKind, Data.FileId, Data.FileMessenger) = (caption, file.Kind.ToString(), file.FileId, message.Messenger);
        }
        else if (input.IsText)
        {
            (Data.Text, Data.FileKind, Data.FileId, Data.FileMessenger) = (input.Text, null, null, null);
        }
        else
        {
            await RefuseAsync(Texts.AnnouncementEmpty);
            return;
        }

        await Machine.FireAsync(Trigger.Next);
    }

    /// <summary>Writes the broadcast, and one bulk message per chat that goes to the outbox in this update's transaction.</summary>
    private async Task SendAsync(CancellationToken ct)
    {
        var chats = await Audience.ChatsAsync(Turn.Db, _context, ct);
        if (chats.Count == 0) { await RefuseAsync(Texts.AudienceReachesNobody); return; }

        var broadcast = new Broadcast
        {
            Text = Data.Text!, FileKind = Data.FileKind, FileId = Data.FileId, FileMessenger = Data.FileMessenger,
            Audience = Audience.Describe(_context), Recipients = chats.Count, CreatedAt = Turn.Now,
            CreatedBy = $"{Turn.In.Messenger}:{Turn.In.From!.UserId}",
        };
        Turn.Db.Broadcasts.Add(broadcast);
        await Turn.Db.SaveChangesAsync(ct); // the rows below carry its id

        var text = Audience.IsMembers ? Texts.AnnouncementForMembers(_context.Assembly.Name, broadcast.Text) : Texts.AnnouncementForStaff(_context.Assembly.Name, broadcast.Text);
        foreach (var chat in chats)
        {
            // The file goes where its id is valid; elsewhere the text alone.
            OutgoingMessage message = Data.FileId is not null && chat.Messenger == Data.FileMessenger && Enum.TryParse<AttachmentKind>(Data.FileKind, out var kind)
                ? new FileMessage(kind, Data.FileId, text.Length <= MaxCaption ? text : broadcast.Text)
                : new TextMessage(text, Audience.IsMembers ? new InlineKeyboard([[Meetings.RsvpButtons.Mute]]) : null);
            Turn.Send(chat, ChatKind.Private, message with { BroadcastId = broadcast.Id }, OutboxPriority.Bulk);
        }

        Turn.Reply(Texts.AnnouncementQueued(await People.CountAsync(Turn.Db, chats, ct)));
        Finished = true;
    }
}
