using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

// The bot's command menu: setMyCommands, checked as Telegram checks it and recorded.
public sealed partial class FakeBotApiServer
{
    private readonly List<BotCommandMenu> _menus = [];

    /// <summary>Every setMyCommands that took effect, in order (a snapshot).</summary>
    public IReadOnlyList<BotCommandMenu> Menus
    {
        get { lock (_lock) return _menus.ToArray(); }
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
        var scope = request.Object("scope", "can't parse scope JSON object")?["type"]?.GetValue<string>();
        lock (_lock)
            _menus.Add(new BotCommandMenu(commands, scope, _options.Time.GetUtcNow()));
        _changed.Raise();
        return BotReply.True;
    }
}
