using Assembly.Bot.Cli;
using Assembly.Bot.Configuration;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Assembly.Bot.Tests.Cli;

/// <summary>
/// The whole command line as <c>Program</c> runs it, in a temporary folder where the settings point the database:
/// help starts nothing, a word it does not know is one line and exit code 2, and a command with no host opens nothing.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.OnSqlite();
    private readonly TestConsole _console = new();

    private string Folder => Path.GetDirectoryName(_database.File)!;

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// Runs a command line with the test's database named last, as an operator would add it. Had it started the bot,
    /// the time limit fails the test (the bot runs until stopped), and the database file would be there.
    /// </summary>
    private Task<int> RunAsync(params string[] args) =>
        Program.RunAsync([.. args, $"--ConnectionStrings:Bot=Data Source={_database.File}", "--Storage:Provider=Sqlite"], _console.Console)
            .WaitAsync(TimeSpan.FromSeconds(30));

    private void AssertNothingWasCreated() => Assert.Empty(Directory.EnumerateFileSystemEntries(Folder));

    private string OneErrorLine()
    {
        var error = _console.Error.ToString();
        Assert.EndsWith(Environment.NewLine, error);
        Assert.DoesNotContain('\n', error.TrimEnd());
        return error.TrimEnd();
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("export", "--help")]
    [InlineData("backup", "-h")]
    [InlineData("--Pipeline:Lanes=2", "help")]
    [InlineData("bakup", "--help")]
    public async Task Help_lists_every_command_in_one_line_and_how_settings_follow_exits_zero_and_opens_no_database(params string[] args)
    {
        var exit = await RunAsync(args);

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = _console.Out.ToString().Split(Environment.NewLine);
        foreach (var command in CliCommands.All)
        {
            var line = Assert.Single(lines, l => l.StartsWith("  " + command.Usage + "  ", StringComparison.Ordinal));
            Assert.EndsWith(command.Summary, line);
        }

        Assert.Single(lines, l => l.StartsWith("  help ", StringComparison.Ordinal));
        Assert.Contains("Settings may follow any command as --Key=value", _console.Out.ToString());
        Assert.Contains("--Messengers:Telegram:Token=...", _console.Out.ToString());
        Assert.Equal("", _console.Error.ToString());
        AssertNothingWasCreated();
    }

    [Fact]
    public async Task An_unknown_command_exits_with_two_and_one_line_naming_the_commands()
    {
        var exit = await RunAsync("bakup", "copy.db");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(CliCommands.Unknown("bakup"), OneErrorLine());
        Assert.Equal("", _console.Out.ToString());
        AssertNothingWasCreated();
    }

    [Theory]
    [InlineData("--verbose")] // a word with no value is no setting
    [InlineData("-x")]
    [InlineData("chat", "-v")]
    [InlineData("migrate", "--force", "--Pipeline:Lanes=2")]
    [InlineData("backup", "copy.db", "--out", "other.db")] // export's option on another command
    [InlineData("export", "1405", "--", "x")]
    public async Task An_unknown_option_exits_with_two_and_one_line_before_anything_starts(params string[] args)
    {
        var exit = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        var error = OneErrorLine();
        Assert.StartsWith("Unknown option '-", error);
        Assert.Contains("Settings are written --Key=value", error);
        Assert.Equal("", _console.Out.ToString());
        AssertNothingWasCreated();
    }

    [Fact]
    public async Task An_unknown_option_is_named_without_what_follows_its_equals_sign()
    {
        var exit = await RunAsync("backup", "copy.db", "--out=123456:never-printed");

        Assert.Equal(ExitCodes.Usage, exit);
        var error = OneErrorLine();
        Assert.StartsWith("Unknown option '--out'. Settings are written --Key=value", error);
        Assert.DoesNotContain("never-printed", error);
    }

    [Theory]
    [InlineData(new[] { "chat", "extra" }, "chat takes no arguments, and 'extra' is not a setting (settings are written --Key=value); --help lists the commands.")]
    [InlineData(new[] { "--Pipeline:Lanes=2", "chat" }, "The command comes first: chat --Key=value, not --Key=value chat.")]
    [InlineData(new[] { "claim-code", "telegram:1" }, ClaimCodeCommand.UsageText)]
    [InlineData(new[] { "backup" }, BackupCommand.UsageText)]
    public async Task Words_a_command_does_not_take_exit_with_two_and_say_how_it_is_written(string[] args, string expected)
    {
        var exit = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(expected, OneErrorLine());
        AssertNothingWasCreated();
    }

    [Fact]
    public void Settings_follow_a_command_as_before_and_only_they_reach_the_configuration()
    {
        var export = CliLine.Parse(["export", "1404/01", "تا", "1404/06", "--out", "a.csv", "--Storage:Provider=Sqlite", "--Pipeline:Lanes", "2"]);
        Assert.Equal("export", export.Command.Name);
        Assert.Equal(["1404/01", "تا", "1404/06"], export.Arguments.Positional);
        Assert.Equal("a.csv", export.Arguments.Options[ExportCommand.OutOption]);
        Assert.Equal(["--Storage:Provider=Sqlite", "--Pipeline:Lanes", "2"], export.Arguments.Configuration);

        var run = CliLine.Parse(["--Messengers:Telegram:Token=123456:abc", "--Pipeline:Lanes", "3"]);
        Assert.Same(CliCommands.Run, run.Command);
        Assert.False(run.Help);
        Assert.Equal(["--Messengers:Telegram:Token=123456:abc", "--Pipeline:Lanes", "3"], run.Arguments.Configuration);
        Assert.Equal("3", new ConfigurationBuilder().AddCommandLine(run.Arguments.Configuration).Build()["Pipeline:Lanes"]);

        // A setting's value is never read as help or as a word of the command.
        var named = CliLine.Parse(["graph", "--Assembly:Name", "help"]);
        Assert.False(named.Help);
        Assert.Equal(["--Assembly:Name", "help"], named.Arguments.Configuration);
    }

    [Fact]
    public async Task Check_config_reads_the_settings_without_a_host_and_opens_no_database()
    {
        Assert.Equal(ExitCodes.Ok, await RunAsync("check-config", "--Messengers:Telegram:Token=", "--Messengers:Bale:Token="));
        Assert.Equal("The configuration is valid.", _console.Out.ToString().Trim());
        AssertNothingWasCreated();

        Assert.Equal(ExitCodes.Failed, await RunAsync("check-config", "--Pipeline:Lanes=0"));
        Assert.Equal("Configuration error: Pipeline:Lanes must be a whole number from 1 to 64 (it is '0').", OneErrorLine());
        AssertNothingWasCreated();
    }

    [Fact]
    public void The_settings_a_command_reads_without_a_host_are_the_hosts_key_by_key()
    {
        string[] args = ["--Pipeline:Lanes", "3", "--Assembly:Name=مجمع آزمون", "--Messengers:Bale:Token="];
        var overrides = CliTestSupport.Settings(_database);

        var read = BotConfiguration.Read(args, overrides).AsEnumerable().ToDictionary();
        var host = BotHost.CreateBuilder(args, BotMode.Serve, overrides).Configuration.AsEnumerable()
            .Where(kv => kv.Key != "contentRoot") // the host's own record of where it runs, not a setting
            .ToDictionary();

        Assert.Equal(host.OrderBy(kv => kv.Key, StringComparer.Ordinal), read.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal("3", read["Pipeline:Lanes"]);
        Assert.Equal(_database.ConnectionString, read["ConnectionStrings:Bot"]);
    }
}
