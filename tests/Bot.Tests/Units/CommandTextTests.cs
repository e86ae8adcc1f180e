using Assembly.Conversations.Turns;

namespace Assembly.Bot.Tests.Units;

public sealed class CommandTextTests
{
    [Theory]
    [InlineData("/start", "start", "")]
    [InlineData("/Help", "help", "")]
    [InlineData("/close MD-1042 resolved  done", "close", "MD-1042 resolved  done")]
    [InlineData("/reply\nمتن", "reply", "متن")]
    public void Commands_are_read_with_their_arguments(string text, string name, string arguments)
    {
        Assert.True(CommandText.TryParse(text, out var command));
        Assert.Equal(name, command.Name);
        Assert.Equal(arguments, command.Arguments);
    }

    [Theory]
    [InlineData("سلام")]
    [InlineData("/")]
    [InlineData("/ start")]
    [InlineData("/شروع")]
    [InlineData("1404/09/15")]
    public void Other_text_is_not_a_command(string text) => Assert.False(CommandText.TryParse(text, out _));
}
