using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Whatever a member sends while reporting is kept and reaches staff: long texts, albums, voice, captions, a pinned
/// place, a report left half-written. Every message the bot writes fits the messengers' limits.
/// </summary>
public sealed class NothingLostTests : IAsyncLifetime
{
    private const long Group = -100200;
    private const long StaffMember = 201;
    private const long Reporter = 501;
    private const string Description = "آب آشامیدنی محله فین سه روز است قطع شده و کسی پاسخ نمی‌دهد";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"), // rajaei, whose topic 4 is «آب و برق و گاز»
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync() => await _chat.RegisterAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private async Task ToAttachmentsAsync()
    {
        await _chat.Say("/report");
        await _chat.Press("4");
        await _chat.Say(Description);
    }

    /// <summary>The longest text a step accepts: words up to the messenger's limit.</summary>
    private static string Longest(string word) => MessageLimits.Cut(string.Concat(Enumerable.Repeat(word + " ", 2000)), MessageLimits.Text).TrimEnd('…').Trim();

    private static void AssertFits(Reply reply)
    {
        foreach (var message in reply.Messages)
        {
            if (message is TextMessage text) Assert.InRange(text.Text.Length, 1, MessageLimits.Text);
            if (message is FileMessage { Caption: { } caption }) Assert.True(caption.Length <= MessageLimits.Caption);
        }
    }

    [Fact]
    public async Task The_longest_answers_fit_the_preview_the_staff_post_the_full_text_show_and_the_notices()
    {
        var description = Longest("شرح");
        var place = Longest("کوچه");
        var solution = Longest("راهکار");
        await _chat.Say("/report");
        await _chat.Press("4");
        await _chat.Say(description);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say(place);
        await _chat.Say(solution);
        var preview = await _chat.Press("named");
        AssertFits(preview);
        Assert.Contains(Texts.Submit, preview.ButtonLabels);
        Assert.Contains("…", preview.Last.Text);

        var submitted = await _chat.Press("submit");
        AssertFits(submitted);
        var post = Assert.Single(submitted.To(Group));
        Assert.Contains("…", post.Text);
        Assert.Contains(Texts.StaffFullTextButton, ((InlineKeyboard)post.Keyboard!).Rows.SelectMany(r => r).Select(b => b.Label));

        _chat.As = ("telegram", StaffMember, "کارشناس");
        var full = await _chat.PressData(StaffButtons.Prefix + "full:RJ-1001");
        AssertFits(full);
        var whole = string.Join(' ', full.Texts);
        Assert.True(full.Texts.Count > 1);
        Assert.Contains(description[^200..], whole);
        Assert.Contains(solution[^200..], whole);

        var show = await _chat.Say("/show RJ-1001");
        AssertFits(show);
        Assert.True(show.Texts.Count > 1);
        Assert.Contains(description[^200..], string.Join(' ', show.Texts));

        var reply = await _chat.Say("/reply RJ-1001 " + Longest("پاسخ")[..4000]);
        AssertFits(reply);
        Assert.NotEmpty(reply.To(Reporter));

        _chat.As = ("telegram", Reporter, "زهرا");
        var mine = await _chat.Say("RJ-1001");
        AssertFits(mine);
        Assert.Contains(description[^200..], string.Join(' ', mine.Texts));
    }

    [Fact]
    public async Task Twelve_photos_as_two_albums_are_answered_twice_ten_kept_and_two_refused_in_one_line()
    {
        await ToAttachmentsAsync();
        var first = await _chat.SendFile(AttachmentKind.Photo, album: "A1");
        Assert.Equal([Texts.AskAttachments(1, 10)], first.Texts);
        for (var i = 2; i <= 10; i++)
        {
            var next = await _chat.SendFile(AttachmentKind.Photo, album: "A1");
            // Each later photo changes the first answer's count; no new message reaches the member.
            Assert.Empty(next.Texts);
            var edit = Assert.IsType<TextEdit>(Assert.Single(next.Messages));
            Assert.Equal(Texts.AskAttachments(i, 10), edit.Text);
            Assert.Equal(first.MessageIds[0], edit.MessageId);
        }

        var eleventh = await _chat.SendFile(AttachmentKind.Photo, album: "A2");
        Assert.Equal([Texts.AlbumRefused(1, 10, 20) + "\n\n" + Texts.AskAttachments(10, 10)], eleventh.Texts);
        var twelfth = Assert.IsType<TextEdit>(Assert.Single((await _chat.SendFile(AttachmentKind.Photo, album: "A2")).Messages));
        Assert.Equal(Texts.AlbumRefused(2, 10, 20) + "\n\n" + Texts.AskAttachments(10, 10), twelfth.Text);

        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("خیابان امیرکبیر");
        await _chat.Press("skip");
        await _chat.Press("named");
        var submitted = await _chat.Press("submit");
        Assert.Equal(10, submitted.Messages.OfType<FileMessage>().Count(f => f.To.ChatId == Group));
        await using var db = _chat.Db();
        Assert.Equal(10, await db.ReportAttachments.CountAsync());
    }

    [Fact]
    public async Task An_album_answer_still_waiting_in_the_outbox_is_rewritten_not_repeated()
    {
        await ToAttachmentsAsync();
        await _chat.SendFile(AttachmentKind.Photo, album: "A1");
        await using (var db = _chat.Db())
            await db.Outbox.Where(o => o.SubjectAction == AlbumReceipt.Action).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending));
        var second = await _chat.SendFile(AttachmentKind.Photo, album: "A1");
        Assert.Empty(second.Messages);
        await using var after = _chat.Db();
        var waiting = await after.Outbox.SingleAsync(o => o.SubjectAction == AlbumReceipt.Action && o.Status == OutboxStatus.Pending);
        Assert.Equal(Texts.AskAttachments(2, 10), Assert.IsType<TextMessage>(OutgoingJson.Read(waiting.Payload)).Text);
    }

    [Fact]
    public async Task An_album_added_to_a_report_is_answered_once_and_every_photo_reaches_staff()
    {
        await _chat.FileReportAsync();
        await _chat.Say("/myreports");
        await _chat.PressData(Conversations.Reports.MyReports.AddPrefix + "RJ-1001");
        var first = await _chat.SendFile(AttachmentKind.Photo, album: "B");
        Assert.Equal([Texts.AddedAskMore("RJ-1001", 1)], first.Texts);
        Assert.Single(first.To(Group));
        for (var i = 2; i <= 6; i++)
        {
            var next = await _chat.SendFile(AttachmentKind.Photo, album: "B");
            Assert.Empty(next.Texts);
            Assert.Equal(Texts.AddedAskMore("RJ-1001", i), Assert.Single(next.Messages.OfType<TextEdit>(), e => e.SubjectAction != Conversations.Staff.ReportCard.Action).Text);
            Assert.Single(next.Messages.OfType<FileMessage>(), f => f.To.ChatId == Group);
            Assert.Empty(next.To(Group));
        }

        Assert.Contains("۶ پیوست رسید", Texts.AddedAskMore("RJ-1001", 6));
        Assert.Equal(Texts.AddedAskMore("RJ-1001"), (await _chat.Say("این هم توضیح عکس‌ها")).Last.Text);
        Assert.Equal([Texts.Added("RJ-1001")], (await _chat.Press("done")).Texts);
        await using var db = _chat.Db();
        Assert.Equal(6, await db.ReportAttachments.CountAsync());
    }

    [Fact]
    public async Task A_voice_description_is_kept_and_completed_by_a_line_or_by_none()
    {
        await _chat.Say("/report");
        await _chat.Press("4");
        var voice = await _chat.SendFile(AttachmentKind.Voice);
        Assert.Equal([Texts.VoiceKept, Texts.AskLineForVoice], voice.Texts);
        Assert.Contains(Texts.NoText, voice.ButtonLabels);
        Assert.Equal(Texts.AskAttachments(1, 10), (await _chat.Say("قطعی آب")).Last.Text);

        await _chat.Say("/cancel");
        await _chat.Say("/report");
        await _chat.Press("4");
        await _chat.SendFile(AttachmentKind.Voice);
        Assert.Equal(Texts.AskAttachments(1, 10), (await _chat.Press("notext")).Last.Text);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("خیابان امیرکبیر");
        await _chat.Press("skip");
        await _chat.Press("named");
        var submitted = await _chat.Press("submit");
        Assert.Contains(Texts.DescriptionInVoice, Assert.Single(submitted.To(Group)).Text);
        Assert.Single(submitted.Messages.OfType<FileMessage>(), f => f.To.ChatId == Group && f.Kind == AttachmentKind.Voice);
    }

    [Fact]
    public async Task A_photo_with_a_caption_is_the_description_and_its_photo_is_kept_and_a_sticker_loses_nothing()
    {
        await _chat.Say("/report");
        await _chat.Press("4");
        var sticker = await _chat.SendFile(AttachmentKind.Sticker);
        Assert.Equal(Texts.StickerWhereTextExpected, sticker.Texts[0]);
        var photo = await _chat.SendFile(AttachmentKind.Photo, caption: Description);
        Assert.Equal(Texts.AskAttachments(1, 10), photo.Last.Text);
        await using var db = _chat.Db();
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal(nameof(ReportFlow.State.Attachments), conversation.State);
        Assert.Equal(Description, System.Text.Json.JsonDocument.Parse(conversation.Data).RootElement.GetProperty("Description").GetString());
        Assert.Single(System.Text.Json.JsonDocument.Parse(conversation.Data).RootElement.GetProperty("Attachments").EnumerateArray());
    }

    [Fact]
    public async Task A_location_at_the_place_step_reaches_staff_as_a_location_and_show_has_its_map_link()
    {
        await _chat.Say("/report");
        await _chat.Press("4");
        await _chat.Say(Description);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.ShareLocation();
        await _chat.Press("skip");
        await _chat.Press("named");
        var submitted = await _chat.Press("submit");
        var location = Assert.Single(submitted.Messages.OfType<LocationMessage>(), l => l.To.ChatId == Group);
        Assert.Equal((Group, 33.98, 51.43), (location.To.ChatId, location.Latitude, location.Longitude));
        // Right after the post, before its files.
        Assert.IsType<TextMessage>(submitted.Messages[submitted.Messages.ToList().IndexOf(location) - 1]);

        _chat.As = ("telegram", StaffMember, "کارشناس");
        var show = await _chat.Say("/show RJ-1001");
        Assert.Contains("نقشه: " + Texts.MapLink(33.98, 51.43), show.Last.Text);
        Assert.Contains("openstreetmap.org/?mlat=33.98&mlon=51.43", Texts.MapLink(33.98, 51.43));
    }

    [Fact]
    public async Task A_report_left_idle_is_kept_as_a_draft_and_resumed_from_the_menu_or_started_afresh()
    {
        await ToAttachmentsAsync();
        await _chat.SendFile(AttachmentKind.Photo);
        _chat.Now = _chat.Now.AddMinutes(31);
        await using (var db = _chat.Db())
        {
            var notices = await IdleConversations.ExpireDueAsync(db, _chat.Context.Conversations, _chat.Now, CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.Equal([Texts.DraftKept(30, 7)], notices.OfType<TextMessage>().Select(n => n.Text));
        }

        var offer = await _chat.Say(Texts.MenuReport);
        Assert.Equal(Texts.AskResumeDraft, offer.Last.Text);
        Assert.Equal([Texts.ContinueDraft, Texts.FreshStart, Texts.Cancel], offer.ButtonLabels);
        Assert.Equal(Texts.AskAttachments(1, 10), (await _chat.Press("continue")).Last.Text);
        await _chat.Press("done");
        await _chat.Press("0");
        await _chat.Say("خیابان امیرکبیر");
        await _chat.Press("skip");
        var preview = await _chat.Press("named");
        Assert.Contains(Description, preview.Last.Text);

        // A draft whose days are up goes without a word.
        _chat.Now = _chat.Now.AddMinutes(31);
        await using (var db = _chat.Db())
        {
            await IdleConversations.ExpireDueAsync(db, _chat.Context.Conversations, _chat.Now, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        _chat.Now = _chat.Now.AddDays(8);
        await using (var db = _chat.Db())
        {
            Assert.Empty(await IdleConversations.ExpireDueAsync(db, _chat.Context.Conversations, _chat.Now, CancellationToken.None));
            await db.SaveChangesAsync();
        }

        Assert.Equal(Texts.AskTopic, (await _chat.Say(Texts.MenuReport)).Last.Text);
    }

    [Fact]
    public async Task A_fresh_start_over_a_draft_forgets_it()
    {
        await ToAttachmentsAsync();
        _chat.Now = _chat.Now.AddMinutes(31);
        await using (var db = _chat.Db())
        {
            await IdleConversations.ExpireDueAsync(db, _chat.Context.Conversations, _chat.Now, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await _chat.Say("/report");
        Assert.Equal(Texts.AskTopic, (await _chat.Press("fresh")).Last.Text);
        await using var after = _chat.Db();
        Assert.False(System.Text.Json.JsonDocument.Parse((await after.Conversations.SingleAsync()).Data).RootElement.TryGetProperty("Description", out var kept)
                     && kept.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task A_menu_button_in_the_middle_of_a_report_asks_before_dropping_it()
    {
        await ToAttachmentsAsync();
        var asked = await _chat.Say(Texts.MenuMyReports);
        Assert.Equal([Texts.AskDropReport], asked.Texts);
        Assert.Equal([Texts.KeepReporting, Texts.DropReporting, Texts.Cancel], asked.ButtonLabels);
        Assert.Equal(Texts.AskAttachments(0, 10), (await _chat.Press(ReportFlow.KeepGoing)).Last.Text);

        await _chat.Say(Texts.MenuMyReports);
        Assert.Equal([Texts.ReportDropped], (await _chat.Press(ReportFlow.DropReport)).Texts);
        Assert.Equal(Texts.NoReports, (await _chat.Say(Texts.MenuMyReports)).Last.Text);
    }
}
