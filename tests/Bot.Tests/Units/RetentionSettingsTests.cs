using Assembly.Bot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Units;

/// <summary><c>Retention</c>: a default, an override, and a one-sentence error naming the key.</summary>
public sealed class RetentionSettingsTests
{
    private static RetentionOptions Read(params (string Key, string? Value)[] overrides)
    {
        using var settings = BotOptions.Read(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Cli.CliTestSupport.RepositoryRoot(), "appsettings.json"))
            .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(o.Key, o.Value)))
            .Build());
        return settings.Get<RetentionOptions>();
    }

    [Fact]
    public void Sent_messages_keep_their_text_thirty_days_unless_configured_otherwise()
    {
        Assert.Equal(TimeSpan.FromDays(30), Read().OutboxPayloadAge);
        Assert.Equal(TimeSpan.FromDays(7), Read(("Retention:OutboxPayloadDays", "7")).OutboxPayloadAge);
        Assert.Equal(TimeSpan.FromDays(30), Read(("Retention:OutboxPayloadDays", "")).OutboxPayloadAge);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("a month")]
    public void A_retention_that_cannot_work_stops_the_start_naming_the_key(string value)
    {
        var error = Assert.Throws<ConfigurationError>(() => Read(("Retention:OutboxPayloadDays", value)));
        Assert.StartsWith("Retention:OutboxPayloadDays", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
