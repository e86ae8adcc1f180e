using Assembly.Bot.Tests.Cli;

namespace Assembly.Bot.Tests.Units;

/// <summary>The tests' organisation is their own (see Bot.Tests.csproj), not the shipped appsettings.json.</summary>
public sealed class TestSettingsTests
{
    [Fact]
    public void The_settings_beside_the_tests_are_the_tests_own_file_not_the_shipped_one()
    {
        var root = CliTestSupport.RepositoryRoot();
        var read = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));

        Assert.Equal(File.ReadAllText(Path.Combine(root, "tests", "Bot.Tests", "appsettings.json")), read);
        // The two are written differently, so this test tells them apart even while they hold the same organisation.
        Assert.NotEqual(File.ReadAllText(Path.Combine(root, "appsettings.json")), read);
    }
}
