using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// A sent message's text goes after the retention time, on the harness's fake clock; what links it to its report
/// stays, so a staff member's reply to an old post still reaches the reporter.
/// </summary>
public sealed class OutboxRetentionTests : IDisposable
{
    private const long Rajaei = 201, Reporter = 501;
    private static readonly TimeSpan Keep = TimeSpan.FromDays(30);

    private readonly ChatHarness _chat = new(("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public void Dispose() => _chat.Dispose();

    private async Task<int> PurgeAsync()
    {
        await using var db = _chat.Db();
        var (purged, _) = await OutboxRetention.PurgeBatchAsync(db, _chat.Now - Keep, OutgoingJson.Emptied, afterId: 0, batch: 1000, CancellationToken.None);
        return purged;
    }

    private async Task<OutboxMessage> PostAsync(string code)
    {
        await using var db = _chat.Db();
        return await db.Outbox.AsNoTracking().SingleAsync(o => o.ChatId == Rajaei && o.Subject == code && o.SubjectAction == Conversations.Staff.ReportCard.Action);
    }

    [Fact]
    public async Task A_31_day_old_post_loses_its_text_but_not_its_report_and_a_29_day_old_one_keeps_it()
    {
        var start = _chat.Now;
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        var first = await _chat.FileReportAsync(); // RJ-1001
        _chat.Now = start.AddDays(2);
        await _chat.FileReportAsync(description: "جاده روستای نیاسر هنوز خاکی مانده است"); // RJ-1002
        var pending = start.AddDays(-5);
        await using (var db = _chat.Db())
        {
            // A row still waiting is never emptied, however old.
            db.Outbox.Add(new OutboxMessage
            {
                Messenger = "telegram", ChatId = Reporter, Status = OutboxStatus.Pending, Payload = OutgoingJson.Write(new TextMessage("در صف")),
                CreatedAt = pending, NotBefore = pending,
            });
            await db.SaveChangesAsync();
        }

        _chat.Now = start.AddDays(31);
        Assert.True(await PurgeAsync() > 0);
        Assert.Equal(0, await PurgeAsync()); // done once and for all

        var old = await PostAsync("RJ-1001");
        Assert.Equal(OutgoingJson.Emptied, old.Payload);
        Assert.Equal((OutboxStatus.Sent, first.IdOfLastTo(Rajaei)), (old.Status, old.SentMessageId!.Value));
        Assert.Equal(new TextMessage(""), OutgoingJson.Read(old.Payload)); // still a message whoever reads it
        Assert.Contains("RJ-1002", (await PostAsync("RJ-1002")).Payload);
        await using (var db = _chat.Db())
        {
            Assert.Contains("در صف", (await db.Outbox.SingleAsync(o => o.Status == OutboxStatus.Pending)).Payload);
            Assert.All(await db.Outbox.Where(o => o.CreatedAt < start.AddDays(1)).ToListAsync(), o => Assert.True(o.Status == OutboxStatus.Pending || o.Payload == OutgoingJson.Emptied));
        }

        // Replying to the old post still acts on its report.
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var asked = await _chat.Send(IncomingKind.Text, m => m with { Text = "لوله‌کشی فردا تعمیر می‌شود.", ReplyToMessageId = first.IdOfLastTo(Rajaei) });
        Assert.Equal(Texts.HeldAsk("RJ-1001"), asked.Last.Text);
        var reply = await _chat.PressUnder(asked.IdOfLastTo(Rajaei), "sh:send");
        Assert.Equal(Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", "لوله‌کشی فردا تعمیر می‌شود."), reply.To(Reporter).Single().Text);
        Assert.Equal(Texts.StaffDone("RJ-1001", Texts.DoneReplied), reply.Last.Text);
    }
}
