using System.Text.RegularExpressions;
using Assembly.Bot.Cli;

namespace Assembly.Bot.Tests.Cli;

/// <summary>The command line itself: the unknown-command message, the documented list, how a command's words are split.</summary>
public sealed partial class CliCommandsTests
{
    [Fact]
    public void The_unknown_command_message_is_one_sentence_naming_every_command_with_the_new_ones_and_their_arguments()
    {
        var message = CliCommands.Unknown("bakup");

        Assert.StartsWith("Unknown command 'bakup'. Commands: ", message);
        Assert.DoesNotContain('\n', message);
        foreach (var name in CliCommands.Names) Assert.Contains(" " + name, message);
        Assert.Contains("backup FILE", message);
        Assert.Contains("export [PERIOD] [--out FILE]", message);
    }

    [Fact]
    public void The_operations_page_lists_every_command_and_program_cs_handles_every_one()
    {
        var readme = File.ReadAllText(Path.Combine(CliTestSupport.RepositoryRoot(), "README.md"));
        var operations = File.ReadAllText(Path.Combine(CliTestSupport.RepositoryRoot(), "docs", "operations.md"));
        var program = File.ReadAllText(Path.Combine(CliTestSupport.RepositoryRoot(), "src", "Bot", "Program.cs"));
        foreach (var name in CliCommands.Names.Except(["run"]))
        {
            Assert.Matches($"- `{Regex.Escape(name)}[ `]", operations);
            Assert.Contains($"case \"{name}\":", program);
        }

        // The set-up on a fresh machine stays two commands.
        var setUp = SetUpBlock().Match(readme);
        Assert.True(setUp.Success, "README.md has no 'Set up on a fresh machine' section with a sh block.");
        Assert.Equal(2, setUp.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_commands_words_are_split_into_its_arguments_its_options_and_configuration()
    {
        var parsed = CliArguments.Parse(["1404/01", "تا", "/var/backups/x", "--out", "a.csv", "--Storage:Provider=Sqlite", "--Pipeline:Lanes", "2"], "out");

        Assert.Equal(["1404/01", "تا", "/var/backups/x"], parsed.Positional);
        Assert.Equal("a.csv", parsed.Options["out"]);
        Assert.Equal(["--Storage:Provider=Sqlite", "--Pipeline:Lanes", "2"], parsed.Configuration);
        Assert.Equal("b.csv", CliArguments.Parse(["--OUT=b.csv"], "out").Options["out"]);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--out=")]
    [InlineData("-o")]
    public void A_malformed_option_is_a_usage_error(string arg)
    {
        var error = Assert.Throws<CliError>(() => CliArguments.Parse([arg], "out"));
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    [GeneratedRegex(@"## Set up on a fresh machine.*?```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SetUpBlock();
}
