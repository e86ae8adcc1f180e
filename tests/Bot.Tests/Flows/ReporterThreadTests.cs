using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The reporter answers the secretariat: by the «پاسخ به دبیرخانه» button, or by the messenger's reply on any bot
/// message about the report, with text, a file, a voice or a location; a closed report still takes it.
/// </summary>
public sealed class ReporterThreadTests : IAsyncLifetime
{
    private const long Rajaei = 201, Reporter = 501, Follower = 600, Group = -100200;
    private const string Code = "RJ-1001", Topic = "آب و برق و گاز", County = "کاشان";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    private Reply _submitted = null!;

    public async Task InitializeAsync()
    {
        AsReporter();
        await _chat.RegisterAsync();
        _submitted = await _chat.FileReportAsync();
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private void AsReporter() => _chat.As = ("telegram", Reporter, "زهرا");

    private Task<Reply> Staff(string text)
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        return _chat.Say(text);
    }

    /// <summary>The reporter answers the bot's message <paramref name="messageId"/> with the messenger's reply.</summary>
    private Task<Reply> ReplyTo(long messageId, Func<IncomingMessage, IncomingMessage> shape)
    {
        AsReporter();
        return _chat.Send(IncomingKind.Text, m => shape(m) with { ReplyToMessageId = messageId });
    }

    private Task<Reply> ReplyTo(long messageId, string text) => ReplyTo(messageId, m => m with { Text = text });

    private async Task<List<ReportEvent>> EventsAsync()
    {
        await using var db = _chat.Db();
        return await db.ReportEvents.OrderBy(e => e.Id).ToListAsync();
    }

    private static IEnumerable<string> Data(TextMessage message) =>
        message.Keyboard is InlineKeyboard inline ? inline.Rows.SelectMany(r => r).Select(b => b.Data) : [];

    private async Task AddFollowerAsync()
    {
        _chat.As = ("telegram", Follower, "رضا");
        await _chat.RegisterAsync(phone: "09122222222");
        await using var db = _chat.Db();
        var report = await db.Reports.SingleAsync(r => r.Code == Code);
        var follower = await db.Members.SingleAsync(m => m.Name!.StartsWith("رضا"));
        db.ReportFollowers.Add(new ReportFollower { ReportId = report.Id, MemberId = follower.Id, Since = _chat.Now });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Every_message_of_the_secretariat_to_the_reporter_carries_the_answer_button_and_a_followers_none()
    {
        await AddFollowerAsync();
        var sent = new List<Reply>
        {
            await Staff($"/reply {Code} نشانی دقیق را بفرستید"),
            await Staff($"/stage {Code} followup"),
            await Staff($"/followup {Code} 1406/01/20 نامه به اداره آب"),
            await Staff($"/close {Code} resolved لوله تعویض شد"),
        };

        foreach (var reply in sent)
        {
            var toReporter = reply.To(Reporter).Single();
            Assert.Equal([ReporterThread.AnswerData(Code)], Data(toReporter));
            Assert.Equal((Code, ReporterThread.SubjectAction), (toReporter.Subject, toReporter.SubjectAction));
        }

        // The follower hears of the stage and the outcome, with nothing to answer.
        var toFollower = sent.SelectMany(r => r.To(Follower)).ToList();
        Assert.Equal(2, toFollower.Count);
        Assert.All(toFollower, m => Assert.Empty(Data(m)));
        Assert.All(toFollower, m => Assert.Null(m.SubjectAction));

        // The «was it resolved?» question is the secretariat's too.
        _chat.Now = _chat.Now.AddDays(_chat.Context.Deadlines.ResolvedCheckDays + 1);
        var asked = (await _chat.DeadlinesDueAsync()).Single(m => m.To.ChatId == Reporter);
        Assert.Equal([Satisfaction.Data(Code, true), Satisfaction.Data(Code, false), ReporterThread.AnswerData(Code)], Data(asked));
        Assert.Equal(ReporterThread.SubjectAction, asked.SubjectAction);
    }

    [Fact]
    public async Task The_button_asks_for_the_answer_and_what_follows_reaches_the_report_and_its_staff()
    {
        var reply = await Staff($"/reply {Code} نشانی دقیق را بفرستید");
        var button = Assert.IsType<InlineKeyboard>(reply.To(Reporter).Single().Keyboard).Rows.Single().Single();
        Assert.Equal(Texts.AnswerSecretariat, button.Label);

        AsReporter();
        Assert.Equal(Texts.AskAnswer(Code), (await _chat.PressData(button.Data)).Last.Text);
        var answered = await _chat.Say("کوچه شقایق، پلاک هفده");

        Assert.Equal([Texts.Added(Code)], answered.Texts);
        // Where the secretariat has a staff chat, a private copy goes only to the report's assignee (nobody yet).
        var post = answered.To(Group).Single();
        Assert.Equal(NoticeTexts.Added(Code, Topic, County, "کوچه شقایق، پلاک هفده", file: false, closedAs: null), post.Text);
        Assert.Equal([$"st:reply:{Code}", $"st:open:{Code}"], Data(post));
        Assert.Empty(answered.To(Rajaei));
        Assert.Equal("کوچه شقایق، پلاک هفده", (await EventsAsync()).Single(e => e.Kind == ReportEventKind.MemberMessage).Text);
    }

    [Fact]
    public async Task A_messenger_reply_adds_text_photo_voice_and_location_to_the_report()
    {
        var asked = (await Staff($"/reply {Code} عکسی از محل بفرستید")).IdOfLastTo(Reporter);

        var text = await ReplyTo(asked, "لوله کنار نانوایی ترکیده");
        Assert.Equal([Texts.Added(Code)], text.Texts);
        Assert.Equal(NoticeTexts.Added(Code, Topic, County, "لوله کنار نانوایی ترکیده", file: false, closedAs: null), text.To(Group).Single().Text);

        // Within ten minutes each addition grows the same post (an edit), and a file goes as itself.
        var photo = await ReplyTo(asked, m => m with { Kind = IncomingKind.Media, Attachment = new Attachment(AttachmentKind.Photo, "photo-reply"), Text = "عکس محل" });
        Assert.Equal([Texts.Added(Code)], photo.Texts);
        Assert.Equal(NoticeTexts.Added(Code, Topic, County, ["لوله کنار نانوایی ترکیده", Texts.AddedItem("عکس محل", file: true)]), photo.PostText(Group));
        Assert.Equal("photo-reply", Assert.IsType<FileMessage>(photo.Messages.Last(m => m.To.ChatId == Group && m is not TextEdit)).FileId);

        var voice = await ReplyTo(asked, m => m with { Kind = IncomingKind.Media, Attachment = new Attachment(AttachmentKind.Voice, "voice-reply") });
        Assert.Equal([Texts.Added(Code)], voice.Texts);

        var location = await ReplyTo(asked, m => m with { Kind = IncomingKind.Location, Location = new GeoPoint(33.98, 51.43) });
        Assert.Equal([Texts.Added(Code)], location.Texts);
        var where = Texts.LocationAdded(33.98, 51.43);
        Assert.Contains("https://www.openstreetmap.org/?mlat=33.98&mlon=51.43", where);
        Assert.Equal(NoticeTexts.Added(Code, Topic, County,
            ["لوله کنار نانوایی ترکیده", Texts.AddedItem("عکس محل", file: true), Texts.AddedItem(null, file: true), where]), location.PostText(Group));

        await using var db = _chat.Db();
        var report = await db.Reports.Include(r => r.Attachments).Include(r => r.Events).SingleAsync();
        Assert.Equal(["photo", "voice"], report.Attachments.Select(a => a.Kind));
        Assert.Equal([ReportEventKind.MemberMessage, ReportEventKind.MemberAttachment, ReportEventKind.MemberAttachment, ReportEventKind.MemberMessage],
            report.Events.Where(e => e.Actor == ReportAggregate.MemberActor && e.Kind != ReportEventKind.Created).OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_reply_to_the_tracking_code_message_counts_and_leaves_a_conversation_under_way_where_it_was()
    {
        var trackingCode = _submitted.IdOfLastTo(Reporter);
        Assert.Contains(Code, _submitted.To(Reporter).Last().Text);

        AsReporter();
        await _chat.Say(Texts.MenuReport);
        await _chat.Press("4");
        var step = await _chat.StepAsync();

        Assert.Equal([Texts.Added(Code)], (await ReplyTo(trackingCode, "شماره کنتور ما هشتصد و نود است")).Texts);
        Assert.Equal(step, await _chat.StepAsync());
        // The new report goes on from its description step.
        Assert.Equal(Texts.AskAttachments(0, 10), (await _chat.Say("برق کوچه ما از دیروز قطع است")).Last.Text);
        Assert.Equal("شماره کنتور ما هشتصد و نود است", (await EventsAsync()).Single(e => e.Kind == ReportEventKind.MemberMessage).Text);
    }

    [Fact]
    public async Task A_reply_about_a_closed_report_is_kept_and_staff_are_told_it_is_closed()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var closed = (await _chat.CloseConfirmedAsync($"/close {Code} rejected خارج از حیطه دبیرخانه")).IdOfLastTo(Reporter);

        var late = await ReplyTo(closed, "ولی هنوز آب نیامده است");

        Assert.Equal([Texts.AnswerToClosedReceived(Code)], late.Texts);
        Assert.Equal(NoticeTexts.Added(Code, Topic, County, "ولی هنوز آب نیامده است", file: false, closedAs: ReportOutcome.Rejected),
            late.To(Group).Single().Text);
        Assert.Contains("«رد شد»", late.To(Group).Single().Text);
        await using var db = _chat.Db();
        var report = await db.Reports.Include(r => r.Events).SingleAsync();
        Assert.Equal(ReportStage.Closed, report.Stage);
        Assert.Equal("ولی هنوز آب نیامده است", report.Events.Single(e => e.Kind == ReportEventKind.MemberMessage).Text);
    }

    [Fact]
    public async Task A_sticker_in_reply_is_refused_and_nothing_is_kept()
    {
        var asked = (await Staff($"/reply {Code} نشانی دقیق را بفرستید")).IdOfLastTo(Reporter);
        var sticker = await ReplyTo(asked, m => m with { Kind = IncomingKind.Media, Attachment = new Attachment(AttachmentKind.Sticker, "sticker") });

        Assert.Equal([Texts.AnswerKindRefused], sticker.Texts);
        Assert.Empty(sticker.To(Rajaei));
        Assert.DoesNotContain(await EventsAsync(), e => e.Actor == ReportAggregate.MemberActor && e.Kind != ReportEventKind.Created);
    }

    [Fact]
    public async Task A_followers_reply_to_their_notice_does_not_reach_the_report()
    {
        await AddFollowerAsync();
        var notice = (await Staff($"/stage {Code} solution")).IdOfLastTo(Follower);

        _chat.As = ("telegram", Follower, "رضا");
        var reply = await _chat.Send(IncomingKind.Text, m => m with { Text = "ما هم همین مشکل را داریم", ReplyToMessageId = notice });

        // Read as any text outside a conversation: the follower is offered to file their own.
        Assert.Equal(Texts.OfferNewReport, reply.Last.Text);
        Assert.Empty(reply.To(Rajaei));
        Assert.DoesNotContain(await EventsAsync(), e => e.Kind == ReportEventKind.MemberMessage);

        // Nor does an answer button made up for the report: it starts nothing.
        _chat.As = ("telegram", Follower, "رضا");
        var forged = await _chat.PressData(ReporterThread.AnswerData(Code));
        Assert.Equal(Texts.StaleButton, forged.Answer!.Notice);
        Assert.Empty(forged.Texts);
    }
}
