using System.Net;
using System.Text;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// Receiving by webhook: the fake posts updates as Telegram's server does (one per chat in flight, retried until a
/// 2xx) to the host's HTTP server; requests that do not come from the messenger change nothing.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class WebhookTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private const string TelegramSecret = "telegram-webhook-secret-0123456789abcdef";
    private const string BaleSecret = "bale-webhook-secret-0123456789abcdef-XYZ";
    private const string Assembly = "مجمع بسیجیان شهرستان کاشان";

    internal static Dictionary<string, string?> TelegramWebhook(string secret = TelegramSecret) => new()
    {
        ["Http:Urls"] = "http://127.0.0.1:0",
        // The public address a reverse proxy would serve; the fake is pointed at the host with RouteWebhookTo.
        ["Messengers:Telegram:Webhook:Url"] = "https://bot.example.org/hooks/telegram",
        ["Messengers:Telegram:Webhook:Secret"] = secret,
    };

    [Fact]
    public async Task Telegram_posts_updates_to_the_webhook_and_the_bot_answers_each_once_in_order()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: TelegramWebhook());
        telegram.RouteWebhookTo(bot.HttpAddress);

        telegram.EnqueueText(7001, "/start", "رضا");
        telegram.EnqueueText(7001, "رضا رضایی");
        telegram.EnqueueText(7002, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(7001).Count >= 2 && t.SentTo(7002).Count >= 1 && t.WebhookPosts.Count >= 3, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);

        Assert.Equal(Texts.RegistrationStart(Assembly), telegram.SentTo(7001)[0].Text);
        // The name was taken as the answer to the first step: the second update came after the first was committed.
        Assert.Equal(2, telegram.SentTo(7001).Count);
        Assert.Single(telegram.SentTo(7002));
        Assert.Equal(0, telegram.GetUpdatesCalls);
        Assert.All(telegram.WebhookPosts, post => Assert.Equal(200, post.Status));
        Assert.Equal(3, telegram.WebhookPosts.Count);
        await using var db = bot.Db();
        Assert.Equal(3, await db.ProcessedUpdates.CountAsync());
        Assert.Empty(await db.PollCursors.ToListAsync()); // no polling offset in this mode
    }

    [Fact]
    public async Task A_request_without_the_telegram_secret_gets_401_and_changes_nothing()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: TelegramWebhook());
        using var http = new HttpClient();
        var url = bot.HttpAddress + "/hooks/telegram";

        var missing = await http.PostAsync(url, Update(900_001, 7101, "/start"));
        var wrong = await PostAsync(http, url, Update(900_002, 7101, "/start"), TelegramSecret[..^1] + "X");
        var elsewhere = await PostAsync(http, bot.HttpAddress + "/hooks/telegram/x", Update(900_003, 7101, "/start"), TelegramSecret);
        var garbage = await PostAsync(http, url, new StringContent("{not json", Encoding.UTF8, "application/json"), TelegramSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        await bot.WaitUntilQuietAsync(Wait, telegram);
        Assert.Empty(telegram.SentTo(7101));
        await using var db = bot.Db();
        Assert.Equal(0, await db.ProcessedUpdates.CountAsync());
        Assert.Equal(0, await db.Outbox.CountAsync());
        Assert.Equal(0, await db.Members.CountAsync());

        // The same request with the secret is taken; posted twice, it is answered once.
        var first = await PostAsync(http, url, Update(900_004, 7101, "/help"), TelegramSecret);
        var again = await PostAsync(http, url, Update(900_004, 7101, "/help"), TelegramSecret);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await telegram.WaitUntilAsync(t => t.SentTo(7101).Count >= 1, Wait);
        await bot.WaitUntilQuietAsync(Wait, telegram);
        Assert.Single(telegram.SentTo(7101));
    }

    [Fact]
    public async Task Bale_has_its_secret_in_the_path_and_any_other_path_is_404()
    {
        using var database = new TestDatabase();
        await using var bale = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { IgnoreLongPollTimeout = true, ChatTypeForGroups = "group" });
        await using var bot = await BotTestHost.StartAsync(database, telegram: null, bale: bale, settings: new Dictionary<string, string?>
        {
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Messengers:Bale:Webhook:Url"] = "https://bot.example.org/hooks/bale",
            ["Messengers:Bale:Webhook:Secret"] = BaleSecret,
        });
        using var http = new HttpClient();

        var bare = await http.PostAsync(bot.HttpAddress + "/hooks/bale", Update(1, 7201, "/start"));
        var guessed = await http.PostAsync(bot.HttpAddress + "/hooks/bale/" + BaleSecret[..^1], Update(2, 7201, "/start"));
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        await using (var db = bot.Db())
            Assert.Equal(0, await db.ProcessedUpdates.CountAsync());

        // Registered with the secret as the last segment, and the fake posts there.
        bale.RouteWebhookTo(bot.HttpAddress);
        bale.EnqueueText(7202, "/start", "مریم");
        // The fake records a post once its answer is back, which may be after the reply it caused has arrived.
        await bale.WaitUntilAsync(b => b.SentTo(7202).Count >= 1 && b.WebhookPosts.Any(p => p.Status == 200), Wait);
        Assert.Equal(Texts.RegistrationStart(Assembly), bale.SentTo(7202)[0].Text);
    }

    [Fact]
    public async Task Updates_the_bot_could_not_take_while_it_was_down_are_posted_again_and_answered_once()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var first = await BotTestHost.StartAsync(database, telegram, settings: TelegramWebhook());
        telegram.RouteWebhookTo(first.HttpAddress);
        telegram.EnqueueText(7301, "/help");
        await telegram.WaitUntilAsync(t => t.SentTo(7301).Count >= 1, Wait);
        await first.StopAsync();

        // While no instance listens, posts fail and are kept.
        for (var user = 7302; user < 7312; user++) telegram.EnqueueText(user, "/help");
        await telegram.WaitUntilAsync(t => t.WebhookPosts.Any(p => p.Status == 0), Wait);

        await using var second = await BotTestHost.StartAsync(database, telegram, settings: TelegramWebhook());
        telegram.RouteWebhookTo(second.HttpAddress);
        await telegram.WaitUntilAsync(t => Enumerable.Range(7302, 10).All(u => t.SentTo(u).Count >= 1), Wait);
        await second.WaitUntilQuietAsync(Wait, telegram);

        Assert.All(Enumerable.Range(7301, 11), user => Assert.Single(telegram.SentTo(user)));
        Assert.Equal(0, telegram.PendingUpdates);
    }

    [Fact]
    public async Task Long_polling_removes_a_webhook_left_from_an_earlier_run()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        using (var http = new HttpClient())
            await http.PostAsync($"{telegram.BaseUrl}/bot{telegram.Token}/setWebhook",
                new StringContent("""{"url":"https://old.example.org/hook"}""", Encoding.UTF8, "application/json"));
        telegram.EnqueueText(7401, "/help");

        await using var bot = await BotTestHost.StartAsync(database, telegram);
        await telegram.WaitUntilAsync(t => t.SentTo(7401).Count >= 1, Wait);
        Assert.True(telegram.GetUpdatesCalls > 0);
    }

    internal static StringContent Update(long updateId, long userId, string text) => new($$$"""
        {"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"date":1767000000,
         "chat":{"id":{{{userId}}},"type":"private","first_name":"کاربر"},
         "from":{"id":{{{userId}}},"is_bot":false,"first_name":"کاربر"},"text":"{{{text}}}"}}
        """, Encoding.UTF8, "application/json");

    internal static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, HttpContent content, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return http.SendAsync(request);
    }
}
