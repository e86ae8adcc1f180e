using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The card's edit that a member's addition causes goes with the addition, at its priority, and a burst of changes in
/// one batch leaves one edit per copy of the card.
/// </summary>
public sealed class CardEditTests : IAsyncLifetime
{
    private const long Zahra = 201, Reporter = 501, Group = -100200;
    private const string Code = "RJ-1001";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_members_addition_edits_the_card_at_the_additions_priority_not_ahead_of_the_addition()
    {
        await _chat.PressData(Conversations.Reports.MyReports.AddPrefix + Code);
        var added = await _chat.Say("امروز هم آب نیامد");

        var post = added.Messages.OfType<TextMessage>().Single(m => m.To.ChatId == Group && m.SubjectAction == AdditionPosts.Action);
        var edit = added.Messages.OfType<TextEdit>().Single(m => m.To.ChatId == Group && m.SubjectAction == ReportCard.Action);
        Assert.Equal((OutboxPriority.Additions, OutboxPriority.Additions), (post.Priority, edit.Priority));

        // A staff member's action still edits the card as bulk.
        _chat.As = ("telegram", Zahra, "زهرا کاظمی");
        var replied = await _chat.Say($"/reply {Code} پیگیری می‌کنیم");
        Assert.Equal(OutboxPriority.Bulk, replied.Messages.OfType<TextEdit>().Single(m => m.To.ChatId == Group).Priority);
    }

    [Fact]
    public async Task A_burst_in_one_batch_writes_one_edit_per_copy_the_last_at_the_most_urgent_priority()
    {
        TextEdit Edit(long chat, string text, OutboxPriority priority) =>
            new(77, text) { To = new ChatAddress("telegram", chat), ToKind = ChatKind.Group, Priority = priority, Subject = Code, SubjectAction = ReportCard.Action };
        var now = _chat.Now;
        await using var db = _chat.Db();
        var before = await db.Outbox.MaxAsync(o => o.Id);
        await OutboxWriter.EnqueueAllAsync(db,
        [
            (Edit(Group, "یک", OutboxPriority.Additions), now),
            (new TextMessage("پیام دیگر") { To = new ChatAddress("telegram", Group), ToKind = ChatKind.Group, Priority = OutboxPriority.Bulk }, now),
            (Edit(Group, "دو", OutboxPriority.Bulk), now),
            (Edit(Zahra, "دو", OutboxPriority.Additions), now),
            (Edit(Group, "سه", OutboxPriority.Additions), now),
        ], CancellationToken.None);

        var rows = await db.Outbox.AsNoTracking().Where(o => o.Id > before).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal("پیام دیگر", Assert.IsType<TextMessage>(OutgoingJson.Read(rows[0].Payload)).Text);
        Assert.Equal((Zahra, OutboxPriority.Additions), (rows[1].ChatId, rows[1].Priority));
        Assert.Equal(("سه", Group, OutboxPriority.Bulk), (Assert.IsType<TextEdit>(OutgoingJson.Read(rows[2].Payload)).Text, rows[2].ChatId, rows[2].Priority));
    }
}
