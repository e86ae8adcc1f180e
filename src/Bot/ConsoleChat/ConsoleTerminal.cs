namespace Assembly.Bot.ConsoleChat;

/// <summary>Where the console chat reads and writes: the process's terminal, or a test's reader and writer.</summary>
public sealed record ConsoleTerminal(TextReader Input, TextWriter Output);
