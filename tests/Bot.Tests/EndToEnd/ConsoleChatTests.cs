using Assembly.Bot.ConsoleChat;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The console chat a newcomer meets first: typed lines go through the same pipeline and database.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ConsoleChatTests
{
    [Fact]
    public async Task Typed_commands_and_numbered_buttons_are_answered_and_users_can_be_switched_and_quit_stops_it()
    {
        using var database = TestDatabase.OnSqlite(); // it checks the file
        var input = new LineFeed();
        var output = new StringWriter();
        var terminal = TextWriter.Synchronized(output);
        var builder = BotHost.CreateBuilder([], BotMode.ConsoleChat,
            new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = database.ConnectionString },
            services => services.AddSingleton(new ConsoleTerminal(input, terminal)));
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        await host.StartAsync();

        input.Type("/start");
        await Until(() => output.ToString().Contains(Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان")));
        input.Type("علی رضایی");
        await Until(() => output.ToString().Contains(Texts.AskPhone));
        input.Type(":contact 09121234567");
        await Until(() => output.ToString().Contains(Texts.AskCounty));
        input.Type("۱"); // Persian digits press buttons too: the first county
        await Until(() => output.ToString().Contains(Texts.AskWorkingGroup));
        input.Type(":as admin");
        input.Type(":sticker");
        await Until(() => output.ToString().Contains("ربات ← admin:\n" + Texts.RegisterFirst));

        input.Type(":quit");
        await host.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var text = output.ToString();
        Assert.Contains("ربات ← ali:\n" + Texts.PhoneAccepted("۰۹۱۲۱۲۳۴۵۶۷"), text);
        Assert.True(File.Exists(database.File));
    }

    private static Task Until(Func<bool> condition) => Eventually.TrueAsync(condition, seconds: 60);
}
