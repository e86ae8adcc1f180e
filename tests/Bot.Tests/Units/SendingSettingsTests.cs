using Assembly.Bot.Configuration;
using Microsoft.Extensions.Configuration;

namespace Assembly.Bot.Tests.Units;

/// <summary><c>Sending</c>: a default, an override, and a one-sentence error naming the key.</summary>
public sealed class SendingSettingsTests
{
    private static SendingOptions Read(params (string Key, string? Value)[] overrides)
    {
        using var settings = BotOptions.Read(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Cli.CliTestSupport.RepositoryRoot(), "appsettings.json"))
            .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(o.Key, o.Value)))
            .Build());
        return settings.Get<SendingOptions>();
    }

    [Fact]
    public void A_message_is_tried_for_48_hours_unless_configured_otherwise()
    {
        Assert.Equal(TimeSpan.FromHours(48), Read().GiveUpAfter);
        Assert.Equal(TimeSpan.FromHours(6), Read(("Sending:GiveUpAfterHours", "6")).GiveUpAfter);
        Assert.Equal(TimeSpan.FromHours(48), Read(("Sending:GiveUpAfterHours", "")).GiveUpAfter);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("721")]
    [InlineData("two days")]
    public void A_give_up_age_that_cannot_work_stops_the_start_naming_the_key(string value)
    {
        var error = Assert.Throws<ConfigurationError>(() => Read(("Sending:GiveUpAfterHours", value)));
        Assert.StartsWith("Sending:GiveUpAfterHours", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
