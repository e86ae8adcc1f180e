using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

// The bot's command menu: setMyCommands and deleteMyCommands, checked as Telegram checks them and recorded with their scope.
public sealed partial class FakeBotApiServer
{
    private readonly List<BotCommandMenu> _menus = [];

    /// <summary>Every setMyCommands that took effect, in order (a snapshot).</summary>
    public IReadOnlyList<BotCommandMenu> Menus
    {
        get { lock (_lock) return _menus.ToArray(); }
    }

    /// <summary>
    /// The menu a private chat shows now, as Telegram picks it: the last one set in that chat's scope unless deleted
    /// since, else the last one of the default scope (empty when none).
    /// </summary>
    public IReadOnlyList<(string Command, string Description)> MenuIn(long chatId)
    {
        var menus = Menus;
        var own = menus.LastOrDefault(m => m.ScopeType == "chat" && m.ChatId == chatId);
        if (own is { Deleted: false }) return own.Commands;
        return menus.LastOrDefault(m => m.ScopeType is null or "default")?.Commands ?? [];
    }

    /// <summary>The menus set or deleted in one private chat's scope, in order.</summary>
    public IReadOnlyList<BotCommandMenu> MenusOf(long chatId) =>
        Menus.Where(m => m.ScopeType == "chat" && m.ChatId == chatId).ToList();

    private BotReply DeleteMyCommands(BotRequest request)
    {
        if (_options.RefuseSetMyCommands)
            return BotReply.NotFound("Not Found: method not found");
        var (scope, chat) = Scope(request);
        lock (_lock)
            _menus.Add(new BotCommandMenu([], scope, _options.Time.GetUtcNow()) { ChatId = chat, Deleted = true });
        _changed.Raise();
        return BotReply.True;
    }

    /// <summary>The scope's type and, for a chat scope, its chat (required there, as Telegram requires it).</summary>
    private static (string? Type, long? Chat) Scope(BotRequest request)
    {
        var scope = request.Object("scope", "can't parse scope JSON object");
        var type = scope?["type"]?.GetValue<string>();
        if (type is not "chat") return (type, null);
        var chat = scope!["chat_id"] switch
        {
            System.Text.Json.Nodes.JsonValue v when v.TryGetValue<long>(out var id) => id,
            System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, out var id) => id,
            _ => throw new BadRequestException("chat_id is empty"),
        };
        return (type, chat);
    }

    private BotReply SetMyCommands(BotRequest request)
    {
        if (_options.RefuseSetMyCommands)
            return BotReply.NotFound("Not Found: method not found");
        var commands = new List<(string, string)>();
        foreach (var node in request.Array("commands", "can't parse commands JSON array") ?? [])
        {
            var command = node?["command"]?.GetValue<string>() ?? "";
            var description = node?["description"]?.GetValue<string>() ?? "";
            // Telegram: 1-32 characters of a-z, 0-9 and _; a description of 1-256 characters.
            if (command.Length is < 1 or > 32 || !command.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                throw new BadRequestException("BOT_COMMAND_INVALID");
            if (description.Length is < 1 or > 256)
                throw new BadRequestException("command description must be 1-256 characters");
            commands.Add((command, description));
        }
        if (commands.Count > 100)
            throw new BadRequestException("too many commands");
        if (commands.Select(c => c.Item1).Distinct().Count() != commands.Count)
            throw new BadRequestException("command names must be unique");
        var (scope, chat) = Scope(request);
        lock (_lock)
            _menus.Add(new BotCommandMenu(commands, scope, _options.Time.GetUtcNow()) { ChatId = chat });
        _changed.Raise();
        return BotReply.True;
    }
}
