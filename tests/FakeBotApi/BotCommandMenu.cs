namespace Assembly.FakeBotApi;

/// <summary>
/// One setMyCommands (or deleteMyCommands) that took effect: the commands in order, and the scope's type (null: the
/// default scope) and chat.
/// </summary>
public sealed record BotCommandMenu(IReadOnlyList<(string Command, string Description)> Commands, string? ScopeType, DateTimeOffset At)
{
    /// <summary>The chat of a <c>chat</c> scope.</summary>
    public long? ChatId { get; init; }

    /// <summary>deleteMyCommands: the scope's menu is gone, and the chat shows the next wider scope's again.</summary>
    public bool Deleted { get; init; }
}
