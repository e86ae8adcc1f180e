using System.Text;
using Assembly.Bot.Cli;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Cli;

/// <summary>A console whose streams the test reads afterwards.</summary>
public sealed class TestConsole
{
    private readonly MemoryStream _stdout = new();

    public StringWriter Out { get; } = new();
    public StringWriter Error { get; } = new();

    public CliConsole Console => new(Out, Error, () => _stdout);

    /// <summary>The bytes written to standard output (the stream may have been disposed by the command).</summary>
    public byte[] StandardOutputBytes => _stdout.ToArray();
}

public static class CliTestSupport
{
    /// <summary>The settings a command run by a test gets: the test's database, no messenger.</summary>
    public static Dictionary<string, string?> Settings(TestDatabase database) => new()
    {
        ["Storage:Provider"] = database.Provider,
        ["ConnectionStrings:Bot"] = database.ConnectionString,
        ["Messengers:Telegram:Token"] = "",
        ["Messengers:Bale:Token"] = "",
    };

    /// <summary>Creates the test's database at the current schema, as the bot does when it starts (WAL on).</summary>
    public static async Task MigrateAsync(TestDatabase database)
    {
        using var host = BotHost.CreateBuilder([], BotMode.Serve, Settings(database)).Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    }

    /// <summary>The repository's root (the folder of Bot.sln), for the files the tests read.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Bot.sln.");
    }

    /// <summary>A CSV as rows of fields; the test data holds no comma, quote or line break inside a field.</summary>
    public static List<string[]> Rows(byte[] csv) =>
        Encoding.UTF8.GetString(csv.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
}
