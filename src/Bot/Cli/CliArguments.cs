namespace Assembly.Bot.Cli;

/// <summary>
/// The words after a command's name, split three ways: its positional arguments (a file, a period), its own
/// options (<c>--out FILE</c> or <c>--out=FILE</c>), and configuration (<c>--Key=value</c> or <c>--Key value</c>),
/// which goes to the settings as for every command; or a request for help (<c>help</c>, <c>-h</c>, <c>--help</c>),
/// which wins over anything wrong beside it. Positional arguments never reach the configuration, where a path like
/// <c>/var/backups/bot.db</c> would be read as a key.
/// </summary>
/// <remarks>
/// Written by hand rather than with System.CommandLine: settings are not options it can declare (any key of the
/// configuration may follow any command), and it binds an undeclared <c>--Key=value</c>, or the value of
/// <c>--Key value</c>, to a command's positional argument (export's period) instead of leaving it aside, so the
/// settings could not be told from the arguments. What is left for a parser is this loop.
/// </remarks>
public sealed record CliArguments(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options, string[] Configuration, bool Help = false)
{
    private static readonly string[] HelpWords = ["help", "-h", "-?", "--help"];

    /// <summary>Reads a command's words; <paramref name="options"/> are its own options' names (<c>out</c>).</summary>
    /// <exception cref="CliError">A usage error (exit code 2): an unknown option, or an option without its value.</exception>
    public static CliArguments Parse(string[] args, params string[] options)
    {
        var positional = new List<string>();
        var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        var help = false;
        string? error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (IsHelp(arg))
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg.Length > 1 && arg[0] == '-') error ??= UnknownOption(arg, options);
                else positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (options.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var value = equals >= 0 ? arg[(equals + 1)..] : i + 1 < args.Length ? args[++i] : "";
                if (value.Length == 0) error ??= $"--{name} needs a value, like --{name} reports.csv.";
                else own[name] = value;
                continue;
            }

            // A setting has a key and a value. A word that has neither (--verbose at the end, or before another
            // --word) would be dropped by the configuration without a word, so it is refused here; so is another
            // command's option, which the configuration would take as a key nobody reads.
            if (name.Length == 0 || CliCommands.OptionNames.Contains(name, StringComparer.OrdinalIgnoreCase)
                || (equals < 0 && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))))
            {
                error ??= UnknownOption(arg, options);
                continue;
            }

            configuration.Add(arg);
            if (equals < 0) configuration.Add(args[++i]);
        }

        if (help) return new CliArguments(positional, own, [.. configuration], Help: true);
        if (error is not null) throw new CliError(error, ExitCodes.Usage);
        return new CliArguments(positional, own, [.. configuration]);
    }

    /// <summary><c>help</c>, <c>-h</c>, <c>-?</c> or <c>--help</c>.</summary>
    public static bool IsHelp(string word) => HelpWords.Contains(word, StringComparer.OrdinalIgnoreCase);

    private static string UnknownOption(string arg, string[] options)
    {
        // The word itself only up to '=': what follows may be a secret.
        var shown = arg.Split('=', 2)[0];
        var own = options.Length == 0 ? "" : $"This command's options: {string.Join(", ", options.Select(o => "--" + o))}. ";
        return $"Unknown option '{shown}'. {own}Settings are written --Key=value, e.g. --Storage:Provider=Sqlite; --help lists the commands and their options.";
    }
}
