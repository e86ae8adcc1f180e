namespace Assembly.Bot.Cli;

/// <summary>
/// Where a command writes: messages to <see cref="Out"/>, the one sentence of an error to <see cref="Error"/>,
/// and raw bytes (a CSV export with no file named) to the standard output stream. Tests pass their own.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardOutput)
{
    public static CliConsole Standard => new(Console.Out, Console.Error, Console.OpenStandardOutput);
}

/// <summary>The exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Could not be done: configuration, a missing database, a file already there, nothing to export.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: an unknown command or option, a missing file name, a period that cannot be read.</summary>
    public const int Usage = 2;
}

/// <summary>A command that cannot go on: <see cref="Exception.Message"/> is the one sentence the operator reads.</summary>
public sealed class CliError(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
