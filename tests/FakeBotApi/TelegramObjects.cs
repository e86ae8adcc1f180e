using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Assembly.FakeBotApi;

/// <summary>
/// Builds the Telegram objects shared by updates and answers (User, Chat, the bot), so that a user's name
/// and a chat's type are the same everywhere. Each call builds a fresh node: a JSON node has one parent.
/// </summary>
internal sealed class TelegramObjects(FakeBotApiOptions options)
{
    private readonly ConcurrentDictionary<long, string> _names = new();

    /// <summary>Remembers a user's first name so later chats and answers use it; returns the name in use.</summary>
    public string Name(long userId, string? firstName = null) =>
        firstName is null ? _names.GetOrAdd(userId, id => $"User {id}") : _names[userId] = firstName;

    public JsonObject Bot() => new()
    {
        ["id"] = options.BotId,
        ["is_bot"] = true,
        ["first_name"] = options.BotFirstName,
        ["username"] = options.BotUsername,
    };

    public JsonObject User(long userId) => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = Name(userId),
        ["language_code"] = "fa",
    };

    /// <summary>Telegram's convention: users (and so private chats) have positive ids, groups negative ones.</summary>
    public JsonObject Chat(long chatId) => chatId >= 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = Name(chatId) }
        : Group(chatId);

    /// <summary>Supergroups with topics enabled: their chat objects say <c>is_forum</c>.</summary>
    public ConcurrentDictionary<long, byte> Forums { get; } = new();

    public JsonObject Group(long chatId)
    {
        var group = new JsonObject
        {
            ["id"] = chatId,
            ["type"] = Forums.ContainsKey(chatId) ? "supergroup" : options.ChatTypeForGroups,
            ["title"] = $"Group {chatId}",
        };
        if (Forums.ContainsKey(chatId))
            group["is_forum"] = true;
        return group;
    }

    public static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
