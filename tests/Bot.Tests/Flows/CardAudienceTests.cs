using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Who hears of a report: its card is kept current only where it may be read now (not for a revoked staff member),
/// a revoked assignee leaves the report free, and cards, notices and reminders go to one audience decided per
/// messenger (the staff chat where the secretariat has one there, its staff privately where it has none).
/// </summary>
public sealed class CardAudienceTests : IAsyncLifetime
{
    private const long Admin = 1, Zahra = 201, Granted = 203, Reporter = 501, Group = -100200;
    private const long BaleStaff = 301;
    private const string Code = "RJ-1001";

    // Rajaei's staff: Zahra on Telegram (where the staff chat is), a colleague only on Bale (no staff chat there).
    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:Staff:1", "bale:301"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    private Reply _submitted = null!;

    public async Task InitializeAsync()
    {
        await As(Admin, "مدیر", "/grant telegram:203 کارشناس رجایی");
        await As(Granted, "رضا نوری", "/help");
        await As(Zahra, "زهرا کاظمی", "/help");
        _chat.As = ("bale", BaleStaff, "مریم");
        await _chat.Say("/help");
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        _submitted = await _chat.FileReportAsync();
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> As(long user, string name, string text)
    {
        _chat.As = ("telegram", user, name);
        return _chat.Say(text);
    }

    private Task<Reply> Press(long user, string name, string data)
    {
        _chat.As = ("telegram", user, name);
        return _chat.PressData(data);
    }

    private static IEnumerable<OutgoingMessage> To(Reply reply, string messenger, long chat) =>
        reply.Messages.Where(m => m.To == new ChatAddress(messenger, chat));

    [Fact]
    public async Task A_staff_member_whose_role_is_revoked_no_longer_gets_the_card_they_opened_kept_current()
    {
        Assert.Single((await Press(Granted, "رضا نوری", "st:open:" + Code)).To(Granted));
        Assert.Single((await As(Zahra, "زهرا کاظمی", $"/stage {Code} solution")).Messages.OfType<TextEdit>(), m => m.To.ChatId == Granted);

        await As(Admin, "مدیر", "/revoke telegram:203 کارشناس رجایی");
        var staged = await As(Zahra, "زهرا کاظمی", $"/stage {Code} followup");

        Assert.Contains(staged.Messages.OfType<TextEdit>(), m => m.To.ChatId == Group);
        Assert.Empty(staged.To(Granted));
        await using var db = _chat.Db();
        Assert.False(await db.ReportPosts.AnyAsync(p => p.ChatId == Granted));
    }

    [Fact]
    public async Task A_message_about_the_report_still_waiting_for_a_revoked_reader_is_not_sent_and_one_for_another_report_is()
    {
        await Press(Granted, "رضا نوری", "st:open:" + Code);
        long aboutIt, aboutOther;
        await using (var db = _chat.Db())
        {
            OutboxMessage Waiting(string subject) => new()
            {
                Messenger = "telegram", ChatId = Granted, ChatKind = ChatKind.Private, Priority = OutboxPriority.Bulk, Status = OutboxStatus.Pending,
                Payload = OutgoingJson.Write(new TextMessage("پیوست مسئله")), CreatedAt = _chat.Now, NotBefore = _chat.Now, Subject = subject,
            };
            var it = Waiting(Code);
            var other = Waiting("RJ-9999");
            db.Outbox.AddRange(it, other);
            await db.SaveChangesAsync();
            (aboutIt, aboutOther) = (it.Id, other.Id);
        }

        await As(Admin, "مدیر", "/revoke telegram:203 کارشناس رجایی");
        await As(Zahra, "زهرا کاظمی", $"/stage {Code} solution");

        await using var after = _chat.Db();
        Assert.Equal(OutboxStatus.Failed, (await after.Outbox.SingleAsync(o => o.Id == aboutIt)).Status);
        Assert.Equal(OutboxStatus.Pending, (await after.Outbox.SingleAsync(o => o.Id == aboutOther)).Status);
    }

    [Fact]
    public async Task Revoking_the_assignee_frees_the_report_with_an_event_a_current_card_and_one_line_to_the_secretariat()
    {
        await Press(Granted, "رضا نوری", "st:take:" + Code);
        var revoked = await As(Admin, "مدیر", "/revoke telegram:203 کارشناس رجایی");

        await using (var db = _chat.Db())
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Code == Code);
            Assert.Null(report.Assignee);
            var freed = report.Events.OrderBy(e => e.Id).Last();
            Assert.Equal((ReportEventKind.Unassigned, "telegram:1", "telegram:203"), (freed.Kind, freed.Actor, freed.Detail));
        }

        var line = Texts.ReportFreed(Code, "رضا نوری");
        Assert.Contains(revoked.To(Group), m => m.Text == line);
        Assert.Contains(To(revoked, "bale", BaleStaff).OfType<TextMessage>(), m => m.Text == line);
        Assert.DoesNotContain(revoked.Messages.OfType<TextMessage>(), m => m.Text == line && m.To.ChatId is Zahra or Granted);
        var card = revoked.Messages.OfType<TextEdit>().Single(m => m.To.ChatId == Group);
        Assert.Contains("کارشناس مسئول: " + Texts.NobodyYet, card.Text);
        Assert.Contains("آخرین اقدام: " + Texts.LastActionFreed("مدیر"), card.Text);
        Assert.DoesNotContain(revoked.Messages, m => m.To.ChatId == Granted && m.Subject == Code);

        // Anyone of the secretariat may take it now.
        Assert.Equal([Texts.Taken(Code, "زهرا کاظمی")], (await Press(Zahra, "زهرا کاظمی", "st:take:" + Code)).Texts.Take(1));
    }

    [Fact]
    public async Task A_passed_deadline_only_the_revoked_assignee_was_reminded_of_is_told_to_the_secretariat_with_the_freed_line()
    {
        await Press(Granted, "رضا نوری", "st:take:" + Code);
        _chat.Now = _chat.Now.AddHours(_chat.Context.Assembly.Secretariats[1].FirstAnswerHours + 1);
        Assert.Equal([Granted], (await _chat.DeadlinesDueAsync()).Select(m => m.To.ChatId));

        var revoked = await As(Admin, "مدیر", "/revoke telegram:203 کارشناس رجایی");
        var line = Texts.ReportFreedOverdue(Code, "رضا نوری", DeadlineKind.FirstAnswer);
        Assert.StartsWith(Texts.ReportFreed(Code, "رضا نوری").Split('\n')[0] + "\nمهلت پاسخ اول این مسئله گذشته است.\n", line);
        Assert.Equal([("bale", BaleStaff), ("telegram", Group)],
            revoked.Messages.OfType<TextMessage>().Where(m => m.Text == line).Select(m => (m.To.Messenger, m.To.ChatId)).Order().ToList());
        // Told once, by that line: the reminder is not given again.
        Assert.Empty(await _chat.DeadlinesDueAsync());
    }

    [Fact]
    public async Task An_overdue_report_whose_assignee_is_revoked_is_escalated_on_time_once()
    {
        await Press(Granted, "رضا نوری", "st:take:" + Code);
        _chat.Now = _chat.Now.AddHours(_chat.Context.Assembly.Secretariats[1].FirstAnswerHours + 1);
        var reminded = _chat.Now;
        Assert.Equal([Granted], (await _chat.DeadlinesDueAsync()).Select(m => m.To.ChatId));
        var escalation = Conversations.Staff.WorkingDays.Of(_chat.Context).AddWorkingHours(reminded, _chat.Context.Deadlines.EscalateAfterHours);

        _chat.Now = reminded.AddHours(1);
        await As(Admin, "مدیر", "/revoke telegram:203 کارشناس رجایی");
        _chat.Now = escalation.AddMinutes(-1);
        Assert.Empty(await _chat.DeadlinesDueAsync());

        _chat.Now = escalation;
        var escalated = await _chat.DeadlinesDueAsync();
        string head;
        await using (var db = _chat.Db())
            head = Conversations.Staff.NoticeHead.Of(await db.Reports.SingleAsync(r => r.Code == Code));
        Assert.Equal([(Admin, Texts.DeadlineEscalation(head, "دبیرخانه شهید رجایی", DeadlineKind.FirstAnswer))],
            escalated.Select(m => (m.To.ChatId, m.Text)));

        _chat.Now = escalation.AddDays(2);
        Assert.Empty(await _chat.DeadlinesDueAsync());
    }

    [Fact]
    public async Task The_card_and_the_reminders_go_to_the_staff_chat_on_telegram_and_privately_on_bale_where_there_is_none()
    {
        Assert.Single(_submitted.To(Group));
        Assert.Single(To(_submitted, "bale", BaleStaff).OfType<TextMessage>());
        Assert.Empty(_submitted.To(Zahra));
        Assert.Empty(_submitted.To(Granted));

        _chat.Now = _chat.Now.AddHours(_chat.Context.Assembly.Secretariats[1].FirstAnswerHours + 1);
        var reminders = await _chat.DeadlinesDueAsync();
        Assert.Equal([("bale", BaleStaff), ("telegram", Group)],
            reminders.Select(m => (m.To.Messenger, m.To.ChatId)).Order().ToList());
    }
}
