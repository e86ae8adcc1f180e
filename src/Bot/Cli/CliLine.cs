namespace Assembly.Bot.Cli;

/// <summary>
/// A whole command line, read before anything starts: the command (<see cref="CliCommands.Run"/> when the first word
/// is an option or a setting, or there is none), the words after its name, and those words read
/// (<see cref="CliArguments"/>); or a request for help, which starts nothing.
/// </summary>
public sealed record CliLine(CliCommand Command, string[] Words, CliArguments Arguments)
{
    public bool Help => Arguments.Help;

    /// <exception cref="CliError">A usage error (exit code 2): an unknown command or option, or words the command does not take.</exception>
    public static CliLine Parse(string[] args)
    {
        var named = args.Length > 0 && !args[0].StartsWith('-');
        var command = named ? CliCommands.Find(args[0]) : CliCommands.Run;
        var words = named ? args[1..] : args;
        if (command is null)
        {
            // «help», or «bakup --help»: the help lists the commands, as the error would.
            if (CliArguments.IsHelp(args[0]) || words.Any(w => w.StartsWith('-') && CliArguments.IsHelp(w)))
                return new CliLine(CliCommands.Run, words, new CliArguments([], new Dictionary<string, string>(), [], Help: true));
            throw new CliError(CliCommands.Unknown(args[0]), ExitCodes.Usage);
        }

        var arguments = CliArguments.Parse(words, command.Options);
        if (!arguments.Help) command.CheckWords(arguments.Positional);
        return new CliLine(command, words, arguments);
    }
}
