namespace Assembly.Bot.Cli;

/// <summary>
/// The words after a command's verb, split three ways: its positional arguments (a file, a period), its own
/// options (<c>--out FILE</c> or <c>--out=FILE</c>), and configuration (<c>--Key=value</c> or <c>--Key value</c>),
/// which goes to the host as for every command. Positional arguments never reach the configuration, where a
/// path like <c>/var/backups/bot.db</c> would be read as a key.
/// </summary>
public sealed record CliArguments(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options, string[] Configuration)
{
    public static CliArguments Parse(string[] args, params string[] options)
    {
        var positional = new List<string>();
        var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg.Length > 1 && arg[0] == '-')
                    throw new CliError($"'{arg}' is not an option of this command; options are written like --out FILE.", ExitCodes.Usage);
                positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (options.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                if (equals >= 0) own[name] = arg[(equals + 1)..];
                else if (i + 1 < args.Length) own[name] = args[++i];
                else throw new CliError($"--{name} needs a value, like --{name} reports.csv.", ExitCodes.Usage);
                if (own[name].Length == 0) throw new CliError($"--{name} needs a value, like --{name} reports.csv.", ExitCodes.Usage);
                continue;
            }

            configuration.Add(arg);
            if (equals < 0 && i + 1 < args.Length) configuration.Add(args[++i]);
        }

        return new CliArguments(positional, own, [.. configuration]);
    }
}
