namespace Assembly.Bot.Tests.Support;

/// <summary>
/// The slow suite: tests that run the real host against the fake Bot API, or the bot as a child process (seconds each).
/// <c>dotnet test --filter Suite!=Slow</c> runs the fast one (units and flows on in-memory SQLite); <c>dotnet test</c> runs both.
/// </summary>
public static class Suites
{
    public const string Name = "Suite";
    public const string Slow = "Slow";
}
