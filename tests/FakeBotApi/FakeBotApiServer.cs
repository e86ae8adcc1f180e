using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assembly.FakeBotApi;

/// <summary>
/// The Telegram Bot API over real HTTP on loopback, in-process: <c>POST {BaseUrl}/bot{Token}/{method}</c>
/// answers in Telegram's JSON envelope. It shares no code with Telegram.Bot, so it checks the bot's wire
/// traffic independently. Tests feed it updates (Enqueue*), inject faults (FailNext, BlockChat) and read
/// what the bot sent (Sent, Answers, WaitUntilAsync).
/// </summary>
public sealed partial class FakeBotApiServer : IAsyncDisposable
{
    private delegate ValueTask<BotReply> Method(BotRequest request, CancellationToken aborted);

    private readonly FakeBotApiOptions _options;
    private readonly WebApplication _app;
    private readonly TelegramObjects _objects;
    private readonly UpdateFactory _factory;
    private readonly UpdateQueue _updates;
    private readonly Dictionary<string, Method> _methods;
    // Cancelled at dispose so pending long polls end at once instead of holding the shutdown.
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private FakeBotApiServer(FakeBotApiOptions options, WebApplication app)
    {
        _options = options;
        _app = app;
        _objects = new TelegramObjects(options);
        _factory = new UpdateFactory(_objects, options.Time, NextMessageId);
        _updates = new UpdateQueue(_changed.Raise);
        _limiter = new SendRateLimiter(options.GlobalSendsPerSecond, options.PerChatSendsPerSecond);
        // Telegram's method names are case-insensitive.
        _methods = new Dictionary<string, Method>(StringComparer.OrdinalIgnoreCase)
        {
            ["getMe"] = (_, _) => ValueTask.FromResult(BotReply.Result(GetMe())),
            ["getUpdates"] = GetUpdatesAsync,
            ["deleteWebhook"] = (r, _) => ValueTask.FromResult(DeleteWebhook(r)),
            ["setWebhook"] = (r, _) => ValueTask.FromResult(SetWebhook(r)),
            ["getWebhookInfo"] = (_, _) => ValueTask.FromResult(GetWebhookInfo()),
            ["setMyCommands"] = (r, _) => ValueTask.FromResult(SetMyCommands(r)),
            ["deleteMyCommands"] = (r, _) => ValueTask.FromResult(DeleteMyCommands(r)),
            // A harmless call a bot may make while typing; accepted so it is not mistaken for a bug.
            ["sendChatAction"] = (_, _) => ValueTask.FromResult(BotReply.True),
            ["sendMessage"] = (r, _) => ValueTask.FromResult(SendMessage(r)),
            ["editMessageText"] = (r, _) => ValueTask.FromResult(EditMessageText(r)),
            ["sendPhoto"] = (r, _) => ValueTask.FromResult(SendMedia(r, "sendPhoto", "photo")),
            ["sendDocument"] = (r, _) => ValueTask.FromResult(SendMedia(r, "sendDocument", "document")),
            ["sendVoice"] = (r, _) => ValueTask.FromResult(SendMedia(r, "sendVoice", "voice")),
            ["sendAudio"] = (r, _) => ValueTask.FromResult(SendMedia(r, "sendAudio", "audio")),
            ["sendVideo"] = (r, _) => ValueTask.FromResult(SendMedia(r, "sendVideo", "video")),
            ["sendLocation"] = (r, _) => ValueTask.FromResult(SendLocation(r)),
            ["answerCallbackQuery"] = (r, _) => ValueTask.FromResult(AnswerCallbackQuery(r)),
            ["getFile"] = (r, _) => ValueTask.FromResult(GetFile(r)),
            ["getChat"] = (r, _) => ValueTask.FromResult(GetChat(r)),
            ["createForumTopic"] = (r, _) => ValueTask.FromResult(CreateForumTopic(r)),
            ["closeForumTopic"] = (r, _) => ValueTask.FromResult(SetTopicOpen(r, open: false)),
            ["reopenForumTopic"] = (r, _) => ValueTask.FromResult(SetTopicOpen(r, open: true)),
            ["setMessageReaction"] = (r, _) => ValueTask.FromResult(SetMessageReaction(r)),
            ["copyMessage"] = (r, _) => ValueTask.FromResult(CopyMessage(r)),
        };
    }

    /// <summary>"http://127.0.0.1:PORT", without a trailing slash: the bot's BaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token => _options.Token;

    public FakeBotApiOptions Options => _options;

    public static async Task<FakeBotApiServer> StartAsync(FakeBotApiOptions? options = null)
    {
        options ??= new FakeBotApiOptions();
        if (string.IsNullOrEmpty(options.Token) || options.Token.Contains('/'))
            throw new ArgumentException("The token must be non-empty and without '/'.", nameof(options));
        // Empty builder: no appsettings.json or environment of the test's directory can change the fake.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeBotApiServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0); // port 0: the OS picks a free one, so tests can run in parallel
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var server = new FakeBotApiServer(options, app);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            server.BaseUrl = addresses.First().TrimEnd('/');
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        BotReply reply;
        try
        {
            if (await TryDownloadAsync(http))
                return;
            reply = await DispatchAsync(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away: nobody to answer
        }
        catch (BadRequestException e)
        {
            reply = new BotReply.Error(400, e.Message);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            reply = new BotReply.Error(400, "Bad Request: " + e.Message);
        }
        catch (Exception e)
        {
            // A bug in the fake: say what it was, in the envelope, so the failing test shows it.
            reply = new BotReply.Error(500, "Internal Server Error: fake failed: " + e);
        }
        try
        {
            await BotReply.WriteAsync(http, reply);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private async ValueTask<BotReply> DispatchAsync(HttpContext http)
    {
        // "/bot{token}/{method}"; the token may hold ':' but never '/'. The host name a client used (127.0.0.1,
        // localhost) tells instances of one bot apart, since Telegram.Bot drops any path of its base address.
        var path = http.Request.Path.Value ?? "";
        var via = http.Request.Host.Host;
        var slash = path.StartsWith("/bot", StringComparison.Ordinal) ? path.IndexOf('/', 4) : -1;
        if (slash < 0)
            return BotReply.NotFound();
        if (!string.Equals(path[4..slash], _options.Token, StringComparison.Ordinal))
            return new BotReply.Error(401, "Unauthorized");
        var name = path[(slash + 1)..];
        if (!_methods.TryGetValue(name, out var method))
            return BotReply.NotFound("Not Found: method not found");
        if (RefusalOf(name) is { } refused)
            return refused;
        var request = await BotRequest.ReadAsync(http.Request, http.RequestAborted);
        _requestsVia.AddOrUpdate(via, 1, (_, n) => n + 1);
        if (OutageRefusal(name) is { } down)
            return down;
        if (_options.Latency is { } latency && !name.Equals("getUpdates", StringComparison.OrdinalIgnoreCase))
            await Task.Delay(latency(), http.RequestAborted);
        var reply = await method(request, http.RequestAborted);
        await HangIfDueAsync(name, reply, http.RequestAborted);
        if (_held.ContainsKey(via) && name.StartsWith("send", StringComparison.OrdinalIgnoreCase))
        {
            // Done, but the answer never leaves: as if the client died between our work and its reading the answer.
            _held.AddOrUpdate(via, 1, (_, n) => n + 1);
            _changed.Raise();
            using var never = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, never.Token);
        }
        return reply;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _held = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _requestsVia = new();

    /// <summary>Requests of any method made to the fake under the host name <paramref name="host"/>.</summary>
    public int RequestsVia(string host) => _requestsVia.GetValueOrDefault(host);

    /// <summary>
    /// From now on, sends made to the fake under the host name <paramref name="host"/> (e.g. <c>localhost</c>, while
    /// another client of the same bot uses <c>127.0.0.1</c>) take effect (they are in <see cref="Sent"/>) but are never
    /// answered: the client cannot know they arrived. For killing one instance of a bot mid-send.
    /// </summary>
    public void HoldAnswersTo(string host) => _held.TryAdd(host, 0);

    /// <summary>Sends made under <paramref name="host"/> that took effect and were not answered.</summary>
    public int HeldAnswers(string host) => _held.GetValueOrDefault(host);

    private long NextMessageId() => Interlocked.Increment(ref _lastMessageId);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        StopWebhook();
        await _stopping.CancelAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync();
        _webhookClient.Dispose();
        _stopping.Dispose();
    }
}
