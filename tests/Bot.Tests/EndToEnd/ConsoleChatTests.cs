using Assembly.Bot.ConsoleChat;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.Storage.Outbox;
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

    [Fact]
    public async Task Piped_input_gets_every_answer_printed_before_the_chat_ends_and_its_button_numbers_press_the_last_message()
    {
        using var database = TestDatabase.OnSqlite();
        // Piped from a file: the lines are all there at once and the input ends right after them.
        var input = new StringReader("/start\nعلی رضایی\n2\n");
        var output = new StringWriter();
        var builder = BotHost.CreateBuilder([], BotMode.ConsoleChat,
            new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = database.ConnectionString },
            services =>
            {
                services.AddSingleton(new ConsoleTerminal(input, TextWriter.Synchronized(output)));
                // The sender looks late, so the answers come well after the input has ended.
                services.AddSingleton<IOutbox>(sp => new SlowOutbox(ActivatorUtilities.CreateInstance<OutboxStore>(sp), TimeSpan.FromSeconds(1)));
            });
        builder.Logging.ClearProviders();
        using var host = builder.Build();

        await host.StartAsync();
        await host.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var text = output.ToString();
        Assert.Contains("ربات ← ali:\n" + Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"), text);
        Assert.Contains("ربات ← ali:\n" + Texts.AskPhone, text);
        // «2» pressed the second button under the question of the phone («بازگشت»), so the name is asked again.
        Assert.Equal(2, text.Split(Texts.AskName).Length - 1);
    }

    private static Task Until(Func<bool> condition) => Eventually.TrueAsync(condition, seconds: 60);
}
