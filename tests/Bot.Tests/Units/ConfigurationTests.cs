using Assembly.Bot.Configuration;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Units;

/// <summary>The shipped appsettings.json, with one setting changed at a time as the environment would.</summary>
public sealed class ConfigurationTests
{
    private static ServiceProvider Read(params (string Key, string? Value)[] overrides) =>
        BotOptions.Read(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Cli.CliTestSupport.RepositoryRoot(), "appsettings.json"))
            .AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(o.Key, o.Value)))
            .Build());

    [Fact]
    public void The_shipped_settings_are_valid_with_both_messengers_off_and_the_seed_organisation()
    {
        using var settings = Read();
        var messengers = settings.Get<MessengersOptions>();
        Assert.Empty(messengers.Enabled);
        Assert.Equal("https://api.telegram.org", messengers["telegram"].BaseUrl);
        Assert.Equal("https://tapi.bale.ai", messengers["bale"].BaseUrl);
        Assert.Equal(30, messengers["bale"].Limits.BulkPerSecond);
        Assert.Contains("کاشان", settings.Get<AssemblyOptions>().Counties);
        Assert.Equal(["modarres", "rajaei", "beheshti"], settings.Get<AssemblyOptions>().Secretariats.Select(s => s.Key));
        Assert.Equal("Sqlite", settings.Get<StorageOptions>().Provider);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Get<InstanceOptions>().LeaseTime);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Get<SchedulerOptions>().Interval);
    }

    [Fact]
    public void A_token_turns_a_messenger_on()
    {
        using var settings = Read(("Messengers:Bale:Token", "111:abc-DEF_1"));
        Assert.Equal(["bale"], settings.Get<MessengersOptions>().Enabled.Select(m => m.Key));
    }

    [Fact]
    public void A_configured_list_is_taken_as_it_is_with_nothing_added_from_code()
    {
        using var settings = BotOptions.Read(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Cli.CliTestSupport.RepositoryRoot(), "appsettings.json"))
            .AddJsonStream(new MemoryStream("""{"Access":{"Admins":["bale:5"]}}"""u8.ToArray()))
            .Build());
        Assert.Equal(["bale:5"], settings.Get<AccessOptions>().Admins);
    }

    [Theory]
    [InlineData("Messengers:Telegram:BaseUrl", "ftp://example.org", "Messengers:Telegram:BaseUrl")]
    [InlineData("Messengers:Bale:Proxy", "not a url", "Messengers:Bale:Proxy")]
    [InlineData("Messengers:Telegram:Limits:BulkPerSecond", "0", "Messengers:Telegram:Limits:BulkPerSecond")]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider")]
    [InlineData("ConnectionStrings:Bot", "", "ConnectionStrings:Bot")]
    [InlineData("Assembly:TimeZone", "Mars/Olympus", "Assembly:TimeZone")]
    [InlineData("Assembly:Name", " ", "Assembly:Name")]
    [InlineData("Assembly:Secretariats:1:Key", "Rajaei!", "Assembly:Secretariats:1:Key")]
    [InlineData("Assembly:Secretariats:2:Key", "modarres", "Assembly:Secretariats:2:Key")]
    [InlineData("Assembly:Secretariats:0:Staff:0", "whatsapp:1", "Assembly:Secretariats:0:Staff:0")]
    [InlineData("Access:Admins:0", "telegram:abc", "Access:Admins:0")]
    [InlineData("Pipeline:Lanes", "0", "Pipeline:Lanes")]
    [InlineData("Instances:LeaseSeconds", "2", "Instances:LeaseSeconds")]
    [InlineData("Instances:LeaseSeconds", "thirty", "Instances:LeaseSeconds")]
    [InlineData("Scheduler:IntervalSeconds", "0", "Scheduler:IntervalSeconds")]
    [InlineData("Scheduler:IntervalSeconds", "3601", "Scheduler:IntervalSeconds")]
    [InlineData("Messengers:Whatsapp:Token", "1:a", "Messengers:Whatsapp")]
    [InlineData("Deadlines:QuietFrom", "1.02:00:00", "Deadlines:QuietFrom")]
    [InlineData("Deadlines:YearlyHolidays:0", "13/01", "Deadlines:YearlyHolidays")]
    [InlineData("Deadlines:Holidays:0", "1405/12/30", "Deadlines:Holidays")]
    [InlineData("Assembly:Secretariats:1:ReadyReplies:0", " ", "Assembly:Secretariats:1:ReadyReplies")]
    public void Invalid_settings_stop_the_start_with_one_sentence_naming_the_key(string key, string value, string named)
    {
        var error = Assert.Throws<ConfigurationError>(() => Read((key, value)));
        Assert.StartsWith(named, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("Messengers:Telegram:Webhook:Url", "not-an-address", "Messengers:Telegram:Webhook:Url")]
    [InlineData("Messengers:Telegram:Webhook:Secret", "short", "Messengers:Telegram:Webhook:Secret")]
    [InlineData("Messengers:Telegram:Webhook:Secret", "0123456789abcdef0123456789abcdef/../x", "Messengers:Telegram:Webhook:Secret")]
    [InlineData("Messengers:Telegram:Webhook:MaxConnections", "0", "Messengers:Telegram:Webhook:MaxConnections")]
    [InlineData("Messengers:Telegram:Webhook:MaxConnections", "forty", "Messengers:Telegram:Webhook:MaxConnections")]
    [InlineData("Messengers:Telegram:Webhook:MaxQueuedUpdates", "0", "Messengers:Telegram:Webhook:MaxQueuedUpdates")]
    [InlineData("Messengers:Telegram:Webhook:MaxQueuedUpdates", "10001", "Messengers:Telegram:Webhook:MaxQueuedUpdates")]
    [InlineData("Messengers:Bale:Webhook:MaxQueuedUpdates", "many", "Messengers:Bale:Webhook:MaxQueuedUpdates")]
    [InlineData("Messengers:Telegram:Webhook:Url", "http://bot.example.org/hook", "Messengers:Telegram:Webhook:Url")]
    [InlineData("Messengers:Bale:Webhook:Url", "http://10.0.0.11:8080/bale", "Messengers:Bale:Webhook:Url")]
    [InlineData("Messengers:Bale:Webhook:Url", "http://127.0.0.1.example.org/bale", "Messengers:Bale:Webhook:Url")]
    [InlineData("Messengers:Bale:Webhook:Url", "http://localhost.example.org/bale", "Messengers:Bale:Webhook:Url")]
    [InlineData("Messengers:Bale:Webhook:Url", "http://[::2]/bale", "Messengers:Bale:Webhook:Url")]
    [InlineData("Http:Urls", "", "Http:Urls is empty, but Messengers:")]
    [InlineData("Http:Urls", "localhost", "Http:Urls")]
    [InlineData("Messengers:Bale:Webhook:Url", "https://bot.example.org/hook/", "Messengers:Telegram:Webhook:Url and Messengers:Bale:Webhook:Url have the same path")]
    public void A_webhook_needs_an_address_a_long_secret_a_listening_address_and_its_own_path(string key, string value, string named)
    {
        var webhook = new List<(string, string?)>
        {
            ("Messengers:Telegram:Token", "1:a"), ("Messengers:Bale:Token", "2:b"), ("Http:Urls", "http://127.0.0.1:8080"),
            ("Messengers:Telegram:Webhook:Url", "https://bot.example.org/hook"), ("Messengers:Telegram:Webhook:Secret", Secret),
            ("Messengers:Bale:Webhook:Url", "https://bot.example.org/bale"), ("Messengers:Bale:Webhook:Secret", Secret),
        };
        using (var valid = Read([.. webhook])) Assert.Equal(["http://127.0.0.1:8080"], valid.Get<HttpOptions>().Urls);

        var changed = webhook.ToDictionary(w => w.Item1, w => w.Item2);
        changed[key] = value;
        var error = Assert.Throws<ConfigurationError>(() => Read([.. changed.Select(c => (c.Key, c.Value))]));
        Assert.StartsWith(named, error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8443/hook")]
    [InlineData("http://127.10.20.30/hook")]
    [InlineData("http://[::1]:8443/hook")]
    [InlineData("http://localhost:8443/hook")]
    [InlineData("http://LOCALHOST/hook")]
    public void A_webhook_over_plain_http_is_taken_only_on_a_loopback_host(string url)
    {
        using var settings = Read(("Messengers:Telegram:Token", "1:a"), ("Http:Urls", "http://127.0.0.1:8080"),
            ("Messengers:Telegram:Webhook:Url", url), ("Messengers:Telegram:Webhook:Secret", Secret));
        Assert.Equal(url, settings.Get<MessengersOptions>()["telegram"].Webhook.Url);
    }

    [Fact]
    public void The_queue_of_posted_updates_holds_a_thousand_unless_told_otherwise()
    {
        using var shipped = Read();
        Assert.Equal(1000, shipped.Get<MessengersOptions>()["telegram"].Webhook.MaxQueuedUpdates);
        Assert.Equal(1000, shipped.Get<MessengersOptions>()["bale"].Webhook.MaxQueuedUpdates);
        using var changed = Read(("Messengers:Bale:Webhook:MaxQueuedUpdates", "5"));
        Assert.Equal(5, changed.Get<MessengersOptions>()["bale"].Webhook.MaxQueuedUpdates);
    }

    [Fact]
    public void Postgres_is_a_provider_with_a_PostgreSQL_connection_string()
    {
        using var settings = Read(("Storage:Provider", "Postgres"), ("ConnectionStrings:Bot", "Host=db;Database=bot;Username=bot;Password=secret"));
        Assert.Equal("Postgres", settings.Get<StorageOptions>().Provider);
    }

    [Theory]
    [InlineData("Data Source=data/bot.db")] // the shipped SQLite string left in place
    [InlineData("Database=bot;Password=secret")] // no host
    public void Postgres_with_a_connection_string_it_cannot_use_names_the_key_and_never_echoes_it(string connectionString)
    {
        var error = Assert.Throws<ConfigurationError>(() => Read(("Storage:Provider", "Postgres"), ("ConnectionStrings:Bot", connectionString)));
        Assert.StartsWith("ConnectionStrings:Bot", error.Message);
        Assert.DoesNotContain(connectionString, error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void A_malformed_token_is_named_but_never_echoed()
    {
        var error = Assert.Throws<ConfigurationError>(() => Read(("Messengers:Telegram:Token", "my secret token")));
        Assert.StartsWith("Messengers:Telegram:Token", error.Message);
        Assert.DoesNotContain("my secret token", error.Message);
    }
}
