using System.Globalization;
using System.Text;

namespace Assembly.Bot.Cli;

/// <summary>How many words a command takes after its name, besides its options and settings.</summary>
public enum CliWords
{
    None,
    One,
    Any,
}

/// <summary>
/// One command of the command line: its name, how it is written (<see cref="Usage"/>, also its line in the help), what
/// it does in a few words, the words it takes, its own options, and the sentence printed when the words do not fit
/// (null: one made from <see cref="Usage"/>).
/// </summary>
public sealed record CliCommand(string Name, string Usage, string Summary, CliWords Words = CliWords.None, string? UsageError = null, params string[] Options)
{
    /// <summary>Throws the usage error when <paramref name="words"/> are not what the command takes.</summary>
    public void CheckWords(IReadOnlyList<string> words)
    {
        var fits = Words switch
        {
            CliWords.None => words.Count == 0,
            CliWords.One => words.Count == 1,
            _ => true,
        };
        if (fits) return;
        if (UsageError is not null) throw new CliError(UsageError, ExitCodes.Usage);
        if (Words == CliWords.None && Name == CliCommands.Run.Name && CliCommands.Find(words[0]) is { } later)
            throw new CliError($"The command comes first: {later.Name} --Key=value, not --Key=value {later.Name}.", ExitCodes.Usage);
        throw new CliError(Words == CliWords.None
            ? $"{Name} takes no arguments, and '{words[0]}' is not a setting (settings are written --Key=value); --help lists the commands."
            : $"Usage: {Usage}; --help lists the commands.", ExitCodes.Usage);
    }
}

/// <summary>The commands of the host, for the command line's reading, its help and the unknown-command message.</summary>
public static class CliCommands
{
    /// <summary>The command when none is named.</summary>
    public static readonly CliCommand Run =
        new("run", "run", "serve the messengers that have a token, or open the console chat when none has (the default)");

    public static readonly IReadOnlyList<CliCommand> All =
    [
        Run,
        new("chat", "chat", "the console chat, even with tokens set"),
        new("migrate", "migrate", "bring the database up to date and exit"),
        new("check-config", "check-config", "validate the settings and exit"),
        new("graph", "graph", "redraw docs/flows/*.md from the flows' state machines"),
        new("demo", "demo", "add a year of made-up reports to the database (--Demo:Charts=FOLDER also draws the charts)"),
        new("backup", "backup FILE", "copy the SQLite database into the new file FILE, while the bot may be running",
            CliWords.One, BackupCommand.UsageText),
        new("export", "export [PERIOD] [--out FILE]", "the reports as CSV, of a Solar month or year (1404/08, 1404) or all; to the new file FILE or standard output",
            CliWords.Any, null, ExportCommand.OutOption),
        new("claim-code", "claim-code", "print a one-time code that makes its first sender (/claim CODE, in a private chat) an admin",
            CliWords.None, ClaimCodeCommand.UsageText),
        new("check-messenger", "check-messenger --messenger bale|telegram --to CHAT [--seconds N]",
            "with the real token, send test messages to CHAT, read updates for N s (60) and report what the messenger accepted",
            CliWords.None, CheckMessengerCommand.UsageText,
            CheckMessengerCommand.MessengerOption, CheckMessengerCommand.ToOption, CheckMessengerCommand.SecondsOption),
    ];

    public static readonly string[] Names = [.. All.Select(c => c.Name)];

    /// <summary>Every command's own options, which are never read as a setting on another command.</summary>
    public static readonly string[] OptionNames = [.. All.SelectMany(c => c.Options).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static CliCommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    public static string Unknown(string verb) =>
        $"Unknown command '{verb}'. Commands: run (the default), {string.Join(", ", All.Skip(1).Select(c => c.Usage))}; --help describes each.";

    /// <summary>What <c>help</c>, <c>-h</c> and <c>--help</c> print: every command in one line, and how settings follow.</summary>
    public static string Help()
    {
        const string help = "help";
        var width = All.Select(c => c.Usage.Length).Append(help.Length).Max() + 2;
        var text = new StringBuilder()
            .AppendLine("Usage: dotnet Assembly.Bot.dll [COMMAND] [ARGUMENTS] [--Key=value ...]")
            .AppendLine()
            .AppendLine("Commands:");
        foreach (var command in All)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {command.Usage.PadRight(width)}{command.Summary}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {help.PadRight(width)}print this help and exit (also -h or --help, after any command)")
            .AppendLine()
            .AppendLine("Settings may follow any command as --Key=value (or --Key value): the keys of appsettings.json with ':' between")
            .AppendLine("levels, e.g. --Messengers:Telegram:Token=... or \"--ConnectionStrings:Bot=Data Source=data/bot.db\". Environment")
            .AppendLine("variables set them too, with '__' for ':' (Messengers__Telegram__Token=...).")
            .AppendLine()
            .AppendLine("Exit codes: 0 done; 1 failed, with one sentence on standard error; 2 the command line could not be read.");
        return text.ToString();
    }

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
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
