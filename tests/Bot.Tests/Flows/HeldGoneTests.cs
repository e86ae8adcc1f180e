using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Outbox;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Held staff words live in their question's outbox row, so retention empties them with it: a press under such a
/// question tells its presser plainly that the words are gone, once, and sends nothing to the reporter.
/// </summary>
public sealed class HeldGoneTests : IDisposable
{
    private const long Rajaei = 201, Reporter = 501;

    private readonly ChatHarness _chat = new(("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task A_press_under_words_retention_emptied_says_they_are_gone_and_sends_nothing()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        var filed = await _chat.FileReportAsync(); // RJ-1001
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var asked = await _chat.Send(IncomingKind.Text, m => m with { Text = "لوله‌کشی فردا تعمیر می‌شود.", ReplyToMessageId = filed.IdOfLastTo(Rajaei) });
        Assert.Equal(Texts.HeldAsk("RJ-1001"), asked.Last.Text);

        _chat.Now = _chat.Now.AddDays(31);
        await using (var db = _chat.Db())
            Assert.True((await OutboxRetention.PurgeBatchAsync(db, _chat.Now.AddDays(-30), OutgoingJson.Emptied, afterId: 0, batch: 1000, CancellationToken.None)).Purged > 0);

        var gone = await _chat.PressUnder(asked.IdOfLastTo(Rajaei), "sh:send");
        Assert.Equal([Texts.HeldGone], gone.Texts);
        Assert.Empty(gone.To(Reporter));
        Assert.Equal(Texts.StaleButton, (await _chat.PressUnder(asked.IdOfLastTo(Rajaei), "sh:send")).Answer?.Notice);
    }
}
