using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>The staff side through the brain, no network: posts, commands, buttons, reply-to, roles.</summary>
public sealed class StaffDeskTests : IAsyncLifetime
{
    private const long Admin = 1, Modarres = 101, Rajaei = 201, Reporter = 501, Group = -100200, ModarresGroup = -100100, StrayGroup = -100999;

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:0:Staff:0", "telegram:101"),
        ("Assembly:Secretariats:0:StaffChats:0", "telegram:-100100"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    private Reply _submitted = null!;

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        _submitted = await FileAsync(anonymous: false);
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> FileAsync(bool anonymous)
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        return _chat.FileReportAsync(anonymous: anonymous); // «آب و برق و گاز» → rajaei
    }

    private Task<Reply> As(long user, string text)
    {
        _chat.As = ("telegram", user, "کارشناس");
        return _chat.Say(text);
    }

    [Fact]
    public async Task A_new_report_is_posted_to_its_secretariats_group_only_not_privately_with_the_reporters_name()
    {
        // The secretariat has a staff chat: a private copy goes only to the report's assignee, and nobody has taken it yet.
        Assert.Empty(_submitted.To(Rajaei));
        var toStaff = _submitted.To(Group).Single();
        Assert.StartsWith("مسئله تازه RJ-1001 برای دبیرخانه شهید رجایی", toStaff.Text);
        // A post names the reporter; the number is for a private /show only.
        Assert.Contains("گزارش‌دهنده: زهرا احمدی", toStaff.Text);
        Assert.DoesNotContain("۰۹۱۲۱۲۳۴۵۶۷", toStaff.Text);
        Assert.DoesNotContain("۰۹۱۲۱۲۳۴۵۶۷", _submitted.To(Group).Single().Text);
        var buttons = Assert.IsType<Conversations.Messages.InlineKeyboard>(toStaff.Keyboard).Rows.SelectMany(r => r).Select(b => b.Data);
        Assert.Equal(["st:reply:RJ-1001", "st:note:RJ-1001", "st:stage:RJ-1001", "st:route:RJ-1001", "st:close:RJ-1001", "st:take:RJ-1001", "st:hand:RJ-1001"],
            buttons);
        Assert.Empty(_submitted.To(Modarres));
        Assert.Empty(_submitted.To(Admin));
    }

    [Fact]
    public async Task Attachments_reach_staff_on_the_same_messenger_and_staff_elsewhere_are_told_where_they_are()
    {
        await As(Admin, "/grant bale:301 staff rajaei");
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.Say("/report");
        await _chat.Press("4");
        await _chat.Say("آب آشامیدنی محله فین سه روز است قطع شده");
        await _chat.SendFile(Conversations.Messages.AttachmentKind.Photo);
        await _chat.SendFile(Conversations.Messages.AttachmentKind.Voice);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("خیابان امیرکبیر");
        await _chat.Press("skip");
        await _chat.Press("named");
        var submitted = await _chat.Press("submit");

        var files = submitted.Messages.OfType<Conversations.Messages.FileMessage>().Where(f => f.To.ChatId == Group).ToList();
        Assert.Equal([(Conversations.Messages.AttachmentKind.Photo, Texts.AttachmentCaption("RJ-1002", 1, 2)), (Conversations.Messages.AttachmentKind.Voice, Texts.AttachmentCaption("RJ-1002", 2, 2))],
            files.Select(f => (f.Kind, f.Caption)));
        // Rajaei has no staff chat on Bale: its staff member there gets the card in private, told where the files are.
        var onBale = submitted.Messages.Where(m => m.To.Messenger == "bale").ToList();
        var post = Assert.IsType<Conversations.Messages.TextMessage>(Assert.Single(onBale));
        Assert.Equal(ReportCard.Action, post.SubjectAction);
        Assert.EndsWith(Texts.AttachmentsElsewhere("telegram"), post.Text);

        // Taking it on edits that card; no file goes to Bale.
        _chat.As = ("bale", 301, "کارشناس بله");
        var taken = await _chat.PressData("st:take:RJ-1002");
        Assert.DoesNotContain(taken.Messages, m => m is Conversations.Messages.FileMessage);
        var edit = Assert.Single(taken.Messages.OfType<Conversations.Messages.TextEdit>(), m => m.To.Messenger == "bale");
        Assert.EndsWith(Texts.AttachmentsElsewhere("telegram"), edit.Text);
    }

    [Fact]
    public async Task An_anonymous_report_reaches_staff_without_name_or_number()
    {
        var anonymous = await FileAsync(anonymous: true);
        Assert.Contains("گزارش‌دهنده: " + Texts.Anonymous, anonymous.To(Group).Single().Text);
        var shown = await As(Rajaei, "/show RJ-1002");
        Assert.DoesNotContain("۰۹۱۲۱۲۳۴۵۶۷", shown.Last.Text);
        Assert.DoesNotContain("احمدی", shown.Last.Text);
    }

    [Fact]
    public async Task A_reply_reaches_the_reporter_signed_by_the_secretariat_never_by_the_staff_member()
    {
        var reply = await As(Rajaei, "/reply rj-۱۰۰۱ لوله‌کشی فردا تعمیر می‌شود.");
        Assert.Equal([Texts.StaffDone("RJ-1001", Texts.DoneReplied)], reply.Texts);
        var toReporter = reply.To(Reporter).Single();
        Assert.Equal(Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "لوله‌کشی فردا تعمیر می‌شود."), toReporter.Text);
        Assert.DoesNotContain("201", toReporter.Text);
        Assert.DoesNotContain("کارشناس", toReporter.Text);

        await using var db = _chat.Db();
        var replied = await db.ReportEvents.SingleAsync(e => e.Kind == ReportEventKind.Replied);
        Assert.Equal(("telegram:201", "لوله‌کشی فردا تعمیر می‌شود."), (replied.Actor, replied.Text));
    }

    /// <summary>A staff member's text in the staff group, as a reply to the bot's message <paramref name="replyTo"/>.</summary>
    private Task<Reply> InGroup(long staff, string text, long replyTo, Conversations.Messages.Attachment? file = null) =>
        _chat.Send(file is null ? Conversations.Messages.IncomingKind.Text : Conversations.Messages.IncomingKind.Media, m => m with
        {
            Chat = new Conversations.Messages.ChatAddress("telegram", Group), ChatKind = ChatKind.Group,
            From = new Conversations.Messages.Sender(staff, "کارشناس", null, null), Text = text, ReplyToMessageId = replyTo, Attachment = file,
        });

    [Fact]
    public async Task A_reply_to_the_post_in_the_staff_group_is_held_and_only_its_writer_chooses_send_note_or_cancel_once()
    {
        await As(Admin, "/grant telegram:202 staff rajaei");
        var post = _submitted.IdOfLastTo(Group);

        // A remark to colleagues reaches nobody until its writer says what it is.
        var held = await InGroup(Rajaei, "پیگیری می‌کنیم", post);
        Assert.Empty(held.To(Reporter));
        var question = held.To(Group).Single();
        Assert.Equal(Texts.HeldAsk("RJ-1001"), question.Text);
        Assert.NotNull(question.ReplyToMessageId); // asked under the staff member's own message
        Assert.Equal([Texts.HeldSendButton, Texts.HeldNoteButton, Texts.HeldDropButton],
            Assert.IsType<Conversations.Messages.InlineKeyboard>(question.Keyboard).Rows.SelectMany(r => r).Select(b => b.Label));
        var asked = held.IdOfLastTo(Group);

        _chat.As = ("telegram", 202, "همکار");
        var other = await _chat.PressUnder(asked, "sh:send", Group);
        Assert.Equal((Texts.HeldNotYours, true), (other.Answer!.Notice, other.Answer.AsAlert));
        Assert.Empty(other.To(Reporter));

        _chat.As = ("telegram", Rajaei, "کارشناس");
        var sent = await _chat.PressUnder(asked, "sh:send", Group);
        Assert.Equal(Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "پیگیری می‌کنیم"), sent.To(Reporter).Single().Text);
        var twice = await _chat.PressUnder(asked, "sh:send", Group);
        Assert.Equal(Texts.StaleButton, twice.Answer!.Notice);
        Assert.Empty(twice.To(Reporter));

        var noted = await _chat.PressUnder((await InGroup(Rajaei, "با آبفا تماس گرفتم", post)).IdOfLastTo(Group), "sh:note", Group);
        Assert.Empty(noted.To(Reporter));
        Assert.Equal([Texts.StaffDone("RJ-1001", Texts.DoneNoted)], noted.To(Group).Select(m => m.Text));

        var dropped = await _chat.PressUnder((await InGroup(Rajaei, "فردا دوباره نگاه کنیم", post)).IdOfLastTo(Group), "sh:drop", Group);
        Assert.Empty(dropped.To(Reporter));
        Assert.Equal([Texts.HeldDropped], dropped.To(Group).Select(m => m.Text));

        await using var db = _chat.Db();
        var events = await db.ReportEvents.Where(e => e.Kind == ReportEventKind.Replied || e.Kind == ReportEventKind.Note).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(ReportEventKind.Replied, "پیگیری می‌کنیم"), (ReportEventKind.Note, "با آبفا تماس گرفتم")], events.Select(e => (e.Kind, e.Text)));
    }

    [Fact]
    public async Task A_reply_to_a_post_in_private_asks_too_and_the_prompts_force_a_reply_that_acts_at_once()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var card = await _chat.PressData("st:open:RJ-1001");
        var asked = await _chat.Send(Conversations.Messages.IncomingKind.Text, m => m with { Text = "بررسی می‌کنیم", ReplyToMessageId = card.IdOfLastTo(Rajaei) });
        Assert.Equal(Texts.HeldAsk("RJ-1001"), asked.Last.Text);
        Assert.Empty(asked.To(Reporter));

        var prompt = await _chat.PressData("st:reply:RJ-1001");
        Assert.Equal(Texts.AskStaffReply("RJ-1001"), prompt.Last.Text);
        Assert.IsType<Conversations.Messages.ForceReply>(prompt.Last.Keyboard);
        var reply = await _chat.Send(Conversations.Messages.IncomingKind.Text, m => m with { Text = "لوله فردا تعمیر می‌شود", ReplyToMessageId = prompt.IdOfLastTo(Rajaei) });
        Assert.Equal(Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "لوله فردا تعمیر می‌شود"), reply.To(Reporter).Single().Text);

        var notePrompt = await _chat.PressData("st:note:RJ-1001");
        Assert.IsType<Conversations.Messages.ForceReply>(notePrompt.Last.Keyboard);
        var note = await _chat.Send(Conversations.Messages.IncomingKind.Text, m => m with { Text = "با آبفا تماس گرفتم", ReplyToMessageId = notePrompt.IdOfLastTo(Rajaei) });
        Assert.Empty(note.To(Reporter)); // internal: never shown to the reporter
        await using var db = _chat.Db();
        Assert.Equal("با آبفا تماس گرفتم", (await db.ReportEvents.SingleAsync(e => e.Kind == ReportEventKind.Note)).Text);
    }

    [Fact]
    public async Task A_photo_reply_reaches_the_reporter_with_its_caption_and_crosses_messengers_only_within_the_download_limit()
    {
        var photo = new Conversations.Messages.Attachment(Conversations.Messages.AttachmentKind.Photo, "staff-photo", FileSize: 300_000);
        var held = await InGroup(Rajaei, "این نقشه لوله‌کشی است", _submitted.IdOfLastTo(Group), photo);
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var sent = await _chat.PressUnder(held.IdOfLastTo(Group), "sh:send", Group);
        var file = Assert.IsType<Conversations.Messages.FileMessage>(Assert.Single(sent.Messages, m => m.To.ChatId == Reporter));
        Assert.Equal((Conversations.Messages.AttachmentKind.Photo, "staff-photo", (string?)null), (file.Kind, file.FileId, file.FromMessenger));
        Assert.Equal(Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "این نقشه لوله‌کشی است"), file.Caption);

        // A reporter on Bale: the Telegram file is carried over by the sender, unless it is too big to download.
        _chat.As = ("bale", 601, "مریم");
        await _chat.RegisterAsync(phone: "09123333333");
        await _chat.FileReportAsync(); // RJ-1002
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var prompt = await _chat.PressData("st:reply:RJ-1002");
        var carried = await _chat.Send(Conversations.Messages.IncomingKind.Media, m => m with
        {
            ReplyToMessageId = prompt.IdOfLastTo(Rajaei),
            Attachment = new Conversations.Messages.Attachment(Conversations.Messages.AttachmentKind.Document, "staff-doc", "نامه.pdf", "application/pdf", 2_000_000),
        });
        var toBale = Assert.IsType<Conversations.Messages.FileMessage>(Assert.Single(carried.Messages, m => m.To.Messenger == "bale"));
        Assert.Equal(("telegram", "نامه.pdf", Texts.ToReporterFile("RJ-1002", "دبیرخانه شهید رجایی")), (toBale.FromMessenger, toBale.FileName, toBale.Caption));

        var big = await _chat.Send(Conversations.Messages.IncomingKind.Media, m => m with
        {
            ReplyToMessageId = prompt.IdOfLastTo(Rajaei),
            Attachment = new Conversations.Messages.Attachment(Conversations.Messages.AttachmentKind.Document, "staff-big", "فیلم.zip", null, 25_000_000),
        });
        Assert.Equal([Texts.FileTooBigToCarry("bale")], big.Texts);
        Assert.DoesNotContain(big.Messages, m => m.To.Messenger == "bale");
    }

    [Fact]
    public async Task Rejecting_asks_a_reason_and_a_confirmation_before_the_reporter_hears_of_it()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var prompt = await _chat.PressData("st:close:RJ-1001:rejected");
        Assert.Equal(Texts.AskCloseReason("RJ-1001", ReportOutcome.Rejected), prompt.Last.Text);
        Assert.IsType<Conversations.Messages.ForceReply>(prompt.Last.Keyboard);
        Assert.Empty(prompt.To(Reporter));

        Assert.Equal([Texts.ReasonMissing], (await _chat.Send(Conversations.Messages.IncomingKind.Media, m => m with
        {
            ReplyToMessageId = prompt.IdOfLastTo(Rajaei), Attachment = new Conversations.Messages.Attachment(Conversations.Messages.AttachmentKind.Photo, "x"),
        })).Texts);
        var confirm = await _chat.Send(Conversations.Messages.IncomingKind.Text, m => m with { Text = "این موضوع در حوزه شهرداری است", ReplyToMessageId = prompt.IdOfLastTo(Rajaei) });
        Assert.Equal(Texts.ConfirmClose("RJ-1001", ReportOutcome.Rejected, "این موضوع در حوزه شهرداری است"), confirm.Last.Text);
        Assert.Empty(confirm.To(Reporter));
        await using (var db = _chat.Db()) Assert.NotEqual(ReportStage.Closed, (await db.Reports.SingleAsync()).Stage);

        // Cancelled: nothing closes; confirmed: the reporter gets the reason.
        var cancelled = await _chat.PressUnder(confirm.IdOfLastTo(Rajaei), "sh:drop");
        Assert.Equal([Texts.HeldDropped], cancelled.Texts);
        var again = await _chat.Say("/close RJ-1001 rejected این موضوع در حوزه شهرداری است");
        var closed = await _chat.PressUnder(again.IdOfLastTo(Rajaei), "sh:close");
        Assert.Equal(Texts.ToReporterClosed("RJ-1001", "دبیرخانه شهید رجایی", ReportOutcome.Rejected, "این موضوع در حوزه شهرداری است", null),
            closed.To(Reporter).Single().Text);
        await using (var db = _chat.Db()) Assert.Equal((ReportStage.Closed, ReportOutcome.Rejected), ((await db.Reports.SingleAsync()).Stage, (await db.Reports.SingleAsync()).Outcome));
    }

    [Fact]
    public async Task A_duplicates_reporter_follows_the_original_and_hears_its_news()
    {
        _chat.As = ("bale", 601, "مریم");
        await _chat.RegisterAsync(phone: "09123333333");
        await _chat.FileReportAsync(); // RJ-1002, the same problem again
        var closed = await As(Rajaei, "/close RJ-1002 duplicate RJ-1001");
        Assert.Equal(Texts.ToReporterClosed("RJ-1002", "دبیرخانه شهید رجایی", ReportOutcome.Duplicate, null, "RJ-1001"), closed.To(601).Single().Text);

        await using (var db = _chat.Db())
        {
            var original = await db.Reports.SingleAsync(r => r.Code == "RJ-1001");
            Assert.Equal(original.Id, (await db.ReportFollowers.SingleAsync()).ReportId);
        }

        var staged = await As(Rajaei, "/stage RJ-1001 solution");
        Assert.Equal(Texts.ToFollowerStage("RJ-1001", "دبیرخانه شهید رجایی", ReportStage.Solution), staged.To(601).Single().Text);
    }

    [Fact]
    public async Task Stage_route_close_and_followup_are_kept_announced_and_bad_values_change_nothing()
    {
        Assert.Equal([Texts.UnknownStage("done")], (await As(Rajaei, "/stage RJ-1001 done")).Texts);
        var stage = await As(Rajaei, "/stage RJ-1001 solution");
        Assert.Equal(Texts.ToReporterStage("RJ-1001", "دبیرخانه شهید رجایی", ReportStage.Solution), stage.To(Reporter).Single().Text);

        Assert.Equal([Texts.BadDate], (await As(Rajaei, "/followup RJ-1001 1404/12/30 تماس با فرمانداری")).Texts);
        Assert.Equal([Texts.PastDate], (await As(Rajaei, "/followup RJ-1001 1405/01/01 تماس با فرمانداری")).Texts);
        var followup = await As(Rajaei, "/followup RJ-1001 ۱۴۰۵/۱۰/۰۱ نامه به فرمانداری فرستاده شد");
        Assert.Equal([Texts.StaffDone("RJ-1001", Texts.DoneFollowUp("۱۴۰۵/۱۰/۰۱"))], followup.Texts);

        Assert.Equal([Texts.UnknownSecretariat("nowhere", ["مدرس", "رجایی", "بهشتی"])], (await As(Rajaei, "/route RJ-1001 nowhere")).Texts);
        Assert.Equal([Texts.UnknownOutcome("finished")], (await As(Rajaei, "/close RJ-1001 finished")).Texts);
        Assert.Equal([Texts.DuplicateNeedsOriginal], (await As(Rajaei, "/close RJ-1001 duplicate")).Texts);
        Assert.Equal([Texts.StaffTextMissing], (await As(Rajaei, "/reply RJ-1001")).Texts);

        var closed = await As(Rajaei, "/close RJ-1001 resolved آب وصل شد");
        Assert.Equal(Texts.ToReporterClosed("RJ-1001", "دبیرخانه شهید رجایی", ReportOutcome.Resolved, "آب وصل شد", null), closed.To(Reporter).Single().Text);
        // A second close, by another hand a moment later, is told and changes nothing.
        Assert.Equal([Texts.AlreadyClosed], (await As(Admin, "/close RJ-1001 rejected")).Texts);

        await using var db = _chat.Db();
        var report = await db.Reports.Include(r => r.Events).SingleAsync();
        Assert.Equal((ReportStage.Closed, ReportOutcome.Resolved), (report.Stage, report.Outcome));
        Assert.Equal([ReportEventKind.Created, ReportEventKind.StageChanged, ReportEventKind.FollowUp, ReportEventKind.Closed],
            report.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        var shown = (await As(Rajaei, "/show RJ-1001")).Last.Text;
        Assert.Contains("نامه به فرمانداری فرستاده شد", shown);
        Assert.Contains("پیگیری (کارشناس)", shown); // by the staff member's name, inside the secretariat only
    }

    [Fact]
    public async Task A_report_routed_away_leaves_the_old_secretariats_view_and_reaches_the_new_one()
    {
        var routed = await As(Rajaei, "/route RJ-1001 modarres");
        Assert.Equal(Texts.ToReporterRouted("RJ-1001", "دبیرخانه شهید رجایی", "دبیرخانه شهید مدرس"), routed.To(Reporter).Single().Text);
        Assert.StartsWith("مسئله RJ-1001 برای دبیرخانه شهید مدرس", routed.To(ModarresGroup).Single().Text);
        Assert.Equal([Texts.UnknownCode], (await As(Rajaei, "/show RJ-1001")).Texts);
        Assert.StartsWith("مسئله RJ-1001 — دبیرخانه شهید مدرس", (await As(Modarres, "/show RJ-1001")).Last.Text);
    }

    [Fact]
    public async Task Staff_buttons_act_like_the_commands()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var choose = await _chat.PressData("st:stage:RJ-1001");
        Assert.Equal(Texts.ChooseStage("RJ-1001"), choose.Last.Text);
        var moved = await _chat.PressData("st:stage:RJ-1001:followup");
        Assert.Equal(Texts.ToReporterStage("RJ-1001", "دبیرخانه شهید رجایی", ReportStage.FollowUp), moved.To(Reporter).Single().Text);
        var prompt = await _chat.PressData("st:close:RJ-1001:unresolved");
        var confirm = await _chat.Send(Conversations.Messages.IncomingKind.Text, m => m with { Text = "اداره پاسخی نداد", ReplyToMessageId = prompt.IdOfLastTo(Rajaei) });
        var closed = await _chat.PressUnder(confirm.IdOfLastTo(Rajaei), "sh:close");
        Assert.Single(closed.To(Reporter));
        Assert.Equal([Texts.AlreadyClosed], (await _chat.PressData("st:close:RJ-1001:rejected")).Texts);
    }

    [Fact]
    public async Task What_the_reporter_adds_reaches_the_staff_with_the_code_topic_and_county()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.PressData(Conversations.Reports.MyReports.AddPrefix + "RJ-1001");
        var added = await _chat.Say("امروز هم آب نیامد");
        Assert.Equal(NoticeTexts.Added("RJ-1001", "آب و برق و گاز", "کاشان", "امروز هم آب نیامد", file: false), added.To(Group).Single().Text);
        Assert.Empty(added.To(Rajaei));
    }

    [Fact]
    public async Task Granted_staff_work_and_once_revoked_an_old_button_does_nothing()
    {
        Assert.Equal([Texts.Granted("telegram:301", "کارشناس دبیرخانه شهید رجایی")], (await As(Admin, "/grant telegram:301 staff rajaei")).Texts);
        Assert.StartsWith(Texts.InboxTitle(1, Texts.InboxFilter(null, mine: false), 1, 1), (await As(301, "/inbox")).Last.Text);
        Assert.Contains("telegram:301", (await As(Admin, "/staff")).Last.Text);

        Assert.Equal([Texts.Revoked("telegram:301", "کارشناس دبیرخانه شهید رجایی")], (await As(Admin, "/revoke telegram:301 staff rajaei")).Texts);
        _chat.As = ("telegram", 301, "کارشناس");
        var old = await _chat.PressData("st:stage:RJ-1001:solution");
        Assert.Equal(Texts.StaleButton, old.Answer!.Notice);
        Assert.Empty(old.Texts);
        await using var db = _chat.Db();
        Assert.Equal(ReportStage.Identification, (await db.Reports.SingleAsync()).Stage);
    }

    [Fact]
    public async Task Help_lists_staff_commands_to_staff_only_and_admin_commands_to_admins_only()
    {
        var member = (await As(Reporter, "/help")).Last.Text;
        Assert.Equal(Conversations.Commands.CommandHelp.ForMembers("مجمع بسیجیان شهرستان کاشان"), member);
        Assert.DoesNotContain("/inbox", member);
        var staff = (await As(Rajaei, "/help")).Last.Text;
        Assert.Contains("/inbox", staff);
        Assert.DoesNotContain("/grant", staff);
        Assert.Contains("/grant", (await As(Admin, "/help")).Last.Text);
    }

    [Fact]
    public async Task A_grant_names_its_person_even_in_a_reply_since_in_private_the_message_replied_to_is_the_bots()
    {
        _chat.As = ("telegram", Admin, "مدیر");
        var granted = await _chat.Send(Conversations.Messages.IncomingKind.Text, m => m with { Text = "/grant organizer", ReplyToMessageId = 5, ReplyToUserId = 333 });
        Assert.Equal([Texts.BadWho], granted.Texts);
        Assert.Equal([Texts.BadWho], (await As(Admin, "/grant organizer")).Texts);
        await using var db = _chat.Db();
        Assert.Equal(0, await db.RoleGrants.CountAsync());
    }

    [Fact]
    public async Task A_grant_by_phone_takes_effect_only_when_the_numbers_owner_shares_their_contact()
    {
        var granted = await As(Admin, "/grant 09121234567 staff rajaei");
        Assert.Equal([Texts.Granted("۰۹۱۲۱۲۳۴۵۶۷", "کارشناس دبیرخانه شهید رجایی") + "\n" + Texts.GrantPending("۰۹۱۲۱۲۳۴۵۶۷")], granted.Texts);

        // The reporter only typed that number at registration: a claim, which gives no role.
        _chat.As = ("telegram", Reporter, "زهرا");
        Assert.Equal([Texts.UnknownCommand("/inbox")], (await _chat.Say("/inbox")).Texts);
        var listed = (await As(Admin, "/staff")).Last.Text;
        Assert.Contains(Texts.PendingGrantLine("۰۹۱۲۱۲۳۴۵۶۷", "کارشناس دبیرخانه شهید رجایی", typed: true), listed);

        // Sharing their own contact proves it: the grant is theirs from then on.
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.Say("/verify");
        Assert.Equal([Texts.NumberVerifiedWithRoles("۰۹۱۲۱۲۳۴۵۶۷", ["کارشناس دبیرخانه شهید رجایی"])], (await _chat.ShareContact("+989121234567")).Texts);
        Assert.StartsWith(Texts.InboxTitle(1, Texts.InboxFilter(null, mine: false), 1, 1), (await _chat.Say("/inbox")).Last.Text);
        Assert.DoesNotContain(Texts.PendingGrantsHeader, (await As(Admin, "/staff")).Last.Text);

        // The grant is theirs in their secretariat's staff chat too.
        _chat.As = ("telegram", Reporter, "زهرا");
        Assert.StartsWith(Texts.InboxTitle(1, Texts.InboxFilter(null, mine: false), 1, 1), (await _chat.SayIn(Group, "/inbox")).To(Group).Single().Text);
    }
}
