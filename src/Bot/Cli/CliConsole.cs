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

    /// <summary>The command line is wrong: an unknown command, a missing file name, a period that cannot be read.</summary>
    public const int Usage = 2;
}

/// <summary>A command that cannot go on: <see cref="Exception.Message"/> is the one sentence the operator reads.</summary>
public sealed class CliError(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The commands of the host, for the unknown-command message and the README.</summary>
public static class CliCommands
{
    public static readonly string[] Names = ["run", "chat", "migrate", "check-config", "graph", "demo", "backup", "export", "claim-code"];

    public static string Unknown(string verb) =>
        $"Unknown command '{verb}'. Commands: run (the default), chat, migrate, check-config, graph, demo, backup FILE, export [PERIOD] [--out FILE], claim-code.";

    /// <summary>Runs a command's body: a <see cref="CliError"/> becomes its sentence on the error stream and its exit code.</summary>
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliError e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
    }

    /// <summary>«1.4 MB», for what was written.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
