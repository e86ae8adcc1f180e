namespace Assembly.Bot.Hosting;

public enum BotMode
{
    /// <summary>Serve the messengers that have a token.</summary>
    Serve,

    /// <summary>The console chat in the terminal, on the same pipeline and database; real messengers stay off.</summary>
    ConsoleChat,
}
