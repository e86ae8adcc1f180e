namespace Assembly.FakeBotApi;

/// <summary>One setMyCommands that took effect: the commands in order, and the scope's type (null: the default scope).</summary>
public sealed record BotCommandMenu(IReadOnlyList<(string Command, string Description)> Commands, string? ScopeType, DateTimeOffset At);
