using System.Diagnostics;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The bot as an operator runs it: its own process, configured by environment variables only.</summary>
public sealed class ProcessTests
{
    private static ProcessStartInfo BotProcess(string workingDirectory, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(BotHost).Assembly.Location])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }

    [Fact]
    public async Task Started_with_a_token_and_base_url_in_the_environment_it_answers_start_and_keeps_its_data_where_it_runs()
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        using var folder = new TestDatabase(); // an empty temporary folder to run in
        var workingDirectory = Path.GetDirectoryName(folder.File)!;

        using var bot = Process.Start(BotProcess(workingDirectory, new Dictionary<string, string>
        {
            ["Messengers__Telegram__Token"] = telegram.Token,
            ["Messengers__Telegram__BaseUrl"] = telegram.BaseUrl,
            ["Messengers__Bale__Token"] = "",
        }))!;
        try
        {
            telegram.EnqueueText(6001, "/start", "رضا");
            await telegram.WaitUntilAsync(t => t.SentTo(6001).Count >= 1, TimeSpan.FromSeconds(30));
            Assert.Equal(Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"), telegram.SentTo(6001)[0].Text);
            Assert.True(File.Exists(Path.Combine(workingDirectory, "data", "bot.db")));
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }

        var output = await bot.StandardOutput.ReadToEndAsync() + await bot.StandardError.ReadToEndAsync();
        Assert.DoesNotContain(telegram.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_stops_the_start_with_one_sentence_naming_the_key()
    {
        using var folder = new TestDatabase();
        using var bot = Process.Start(BotProcess(Path.GetDirectoryName(folder.File)!, new Dictionary<string, string>
        {
            ["Messengers__Telegram__BaseUrl"] = "ftp://api.telegram.org",
        }))!;
        await bot.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, bot.ExitCode);
        var error = (await bot.StandardError.ReadToEndAsync()).Trim();
        Assert.StartsWith("Configuration error: Messengers:Telegram:BaseUrl must be an absolute http or https address", error);
        Assert.DoesNotContain('\n', error);
    }
}
