using System.Reflection;
using System.Runtime.CompilerServices;
using Assembly.Bot.ConsoleChat;
using Assembly.Bot.Configuration;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Units;

/// <summary>How the host is put together: constructors a reader can follow, and settings nobody changes behind them.</summary>
public sealed class WiringTests
{
    private const int MostParameters = 6;

    [Fact]
    public void No_class_in_the_bot_the_brain_or_storage_takes_more_than_six_constructor_parameters()
    {
        var assemblies = new[] { typeof(BotHost).Assembly, typeof(FlowContext).Assembly, typeof(Storage.BotDbContext).Assembly };
        var tooMany = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !IsGenerated(t) && !IsRecord(t))
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => c.GetParameters().Length > MostParameters)
                .Select(c => $"{t.FullName}({c.GetParameters().Length})"))
            .ToList();
        Assert.Empty(tooMany);
    }

    [Fact]
    public void The_rule_sees_a_constructor_with_seven_parameters()
    {
        Assert.Contains(typeof(SevenParts).GetConstructors(), c => c.GetParameters().Length > MostParameters);
        Assert.False(IsGenerated(typeof(SevenParts)) || IsRecord(typeof(SevenParts)));
    }

    [Fact]
    public void The_console_chat_gives_its_admin_and_staff_to_the_brain_and_leaves_the_settings_as_configured()
    {
        using var database = TestDatabase.OnSqlite();
        var builder = BotHost.CreateBuilder([], BotMode.ConsoleChat, CliTestSupportSettings(database),
            services => services.AddSingleton(new ConsoleTerminal(new StringReader(""), TextWriter.Null)));
        using var host = builder.Build();

        var configuredAccess = host.Services.Get<AccessOptions>();
        var configuredAssembly = host.Services.Get<AssemblyOptions>();
        Assert.DoesNotContain(ConsoleAccounts.Admin, configuredAccess.Admins);
        Assert.All(configuredAssembly.Secretariats, s => Assert.DoesNotContain(ConsoleAccounts.Staff, s.Staff));

        var brain = host.Services.GetRequiredService<FlowContext>();
        Assert.Contains(ConsoleAccounts.Admin, brain.Admins);
        Assert.All(brain.Assembly.Secretariats, s => Assert.Contains(ConsoleAccounts.Staff, s.Staff));
        Assert.Equal(configuredAssembly.Secretariats.Select(s => (s.Key, s.Name, s.CodePrefix, s.FirstAnswerHours, s.Topics.Count)),
            brain.Assembly.Secretariats.Select(s => (s.Key, s.Name, s.CodePrefix, s.FirstAnswerHours, s.Topics.Count)));
        Assert.Equal(configuredAssembly.Name, brain.Assembly.Name);
    }

    [Fact]
    public void A_bad_setting_stops_the_building_of_the_host_with_one_sentence_naming_the_key()
    {
        using var database = TestDatabase.OnSqlite();
        var settings = CliTestSupportSettings(database);
        settings["Deadlines:EscalateAfterHours"] = "0";
        var builder = BotHost.CreateBuilder([], BotMode.Serve, settings);

        var error = Assert.Throws<ConfigurationError>(() => builder.Build());
        Assert.Equal("Deadlines:EscalateAfterHours must be from 1 to 720 (it is 0).", error.Message);
    }

    private static Dictionary<string, string?> CliTestSupportSettings(TestDatabase database) => Cli.CliTestSupport.Settings(database);

    private static bool IsGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || (type.Namespace ?? "").Contains(".Migrations", StringComparison.Ordinal)
        || (type.Namespace ?? "").Contains(".CompiledModels", StringComparison.Ordinal)
        || type.DeclaringType is { } outer && IsGenerated(outer);

    /// <summary>Records are values named field by field, not services wired together; their size is their data's.</summary>
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private sealed class SevenParts(int a, int b, int c, int d, int e, int f, int g)
    {
        public int Sum => a + b + c + d + e + f + g;
    }
}
