using System.Collections.Concurrent;

namespace Assembly.FakeBotApi;

// Methods a messenger does not have, or will not do for this bot: refused whatever the request holds.
public sealed partial class FakeBotApiServer
{
    private readonly ConcurrentDictionary<string, BotReply.Error> _refusedMethods = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// From now on every call of <paramref name="method"/> is answered with this error and has no effect, e.g. 404
    /// "Not Found: method not found" for a method the messenger lacks.
    /// </summary>
    public void RefuseMethod(string method, int status = 404, string description = "Not Found: method not found") =>
        _refusedMethods[method] = new BotReply.Error(status, description);

    private BotReply? RefusalOf(string method) => _refusedMethods.GetValueOrDefault(method);
}
