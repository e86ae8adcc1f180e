using System.Text.RegularExpressions;
using Assembly.Bot.Hosting;

namespace Assembly.Bot.Tests.Cli;

/// <summary>
/// The files in <c>deploy/</c> cannot be run here (no systemd, no Docker engine); these checks keep them in
/// step with the project: the binary they start, the framework, where the data lives, and no secret in them.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Dll = typeof(BotHost).Assembly.GetName().Name + ".dll";
    private static readonly string Root = CliTestSupport.RepositoryRoot();
    private static readonly string Unit = File.ReadAllText(Path.Combine(Root, "deploy", "assembly-bot.service"));
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));

    private static string Setting(string text, string key) =>
        Regex.Match(text, $@"^{Regex.Escape(key)}=(.*)$", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value.Trim()
            : throw new Xunit.Sdk.XunitException($"deploy/assembly-bot.service has no {key}= line.");

    [Fact]
    public void The_unit_runs_the_published_bot_as_its_own_user_in_a_writable_data_folder_and_stops_it_gently()
    {
        Assert.Equal($"/usr/bin/dotnet /opt/assembly-bot/{Dll} run", Setting(Unit, "ExecStart"));
        var user = Setting(Unit, "User");
        Assert.NotEqual("root", user);
        var workingDirectory = Setting(Unit, "WorkingDirectory");
        Assert.Contains(workingDirectory, Setting(Unit, "ReadWritePaths").Split(' '));
        Assert.Equal("strict", Setting(Unit, "ProtectSystem"));
        Assert.Equal("SIGTERM", Setting(Unit, "KillSignal"));
        Assert.Equal("on-failure", Setting(Unit, "Restart"));
        // Longer than a send may wait for its answer and than the host's own shutdown timeout (30 s each).
        Assert.InRange(int.Parse(Setting(Unit, "TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture), 35, 120);
        Assert.StartsWith("/etc/", Setting(Unit, "EnvironmentFile"));
        Assert.DoesNotMatch(@"(?m)^MemoryDenyWriteExecute=yes", Unit); // the JIT needs it off
    }

    [Fact]
    public void The_image_builds_the_same_bot_on_the_runtime_it_needs_as_a_non_root_user_with_its_data_in_a_volume()
    {
        Assert.Matches($@"(?m)^ENTRYPOINT \[""dotnet"", ""{Regex.Escape(Dll)}""\]", Dockerfile);
        var framework = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
        var version = Regex.Match(framework, @"<TargetFramework>net(\d+\.\d+)</TargetFramework>").Groups[1].Value;
        Assert.Matches($@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:{Regex.Escape(version)} AS build", Dockerfile);
        // The bot names the ASP.NET Core framework (webhooks, health, metrics), which only the aspnet image carries.
        Assert.Matches($@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:{Regex.Escape(version)} AS final", Dockerfile);
        Assert.Contains("<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />", File.ReadAllText(Path.Combine(Root, "src", "Bot", "Bot.csproj")));
        Assert.Matches(@"(?m)^USER \$APP_UID$", Dockerfile);
        Assert.Matches(@"(?m)^VOLUME /app/data$", Dockerfile);
        Assert.Matches(@"(?m)^WORKDIR /app$", Dockerfile);
        Assert.Matches(@"(?m)^STOPSIGNAL SIGTERM$", Dockerfile);
        // Every project the bot is built from is restored from its own project file.
        foreach (var project in new[] { "src/Storage/Storage.csproj", "src/Conversations/Conversations.csproj", "src/Bot/Bot.csproj" })
            Assert.Contains($"COPY {project} ", Dockerfile);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt", "appsettings.json", "global.json" })
            Assert.Contains(" " + file, Dockerfile.Split('\n').Single(l => l.StartsWith("COPY global.json", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_publish_is_for_linux_x64_on_the_shared_runtime_untrimmed_with_only_the_persian_resources()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "deploy", "README.md"));
        var onServer = PublishCommand().Matches(readme).Select(m => m.Value).ToList();
        Assert.True(onServer.Count >= 2, "deploy/README.md publishes to install and to update.");
        foreach (var publish in onServer.Append(PublishCommand().Matches(Dockerfile).Single().Value))
        {
            Assert.Matches(@"\s(-r|--runtime) linux-x64\s", publish);
            Assert.Contains(" --self-contained false ", publish);
            Assert.DoesNotContain("PublishTrimmed", publish);
            Assert.DoesNotContain("InvariantGlobalization", publish);
        }

        // The image publishes with --no-restore, which fails unless the restore named the same runtime.
        Assert.Matches(@"(?m)^RUN dotnet restore src/Bot/Bot\.csproj -r linux-x64$", Dockerfile);
        var bot = File.ReadAllText(Path.Combine(Root, "src", "Bot", "Bot.csproj"));
        Assert.Contains("<SatelliteResourceLanguages>fa</SatelliteResourceLanguages>", bot);
        // Persian number formatting and the Solar calendar need ICU; the Tehran time zone needs tzdata.
        Assert.Contains("<InvariantGlobalization>false</InvariantGlobalization>", File.ReadAllText(Path.Combine(Root, "Directory.Build.props")));
        Assert.Matches(@"(?m)^RUN apt-get update && apt-get install .*\btzdata\b", Dockerfile);
    }

    [Theory]
    [InlineData("assembly-bot.service")]
    [InlineData("Dockerfile")]
    [InlineData("README.md")]
    public void No_deploy_file_holds_a_token(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, "deploy", file));
        Assert.DoesNotMatch(TokenShape(), text);
        // A token setting may be named (as what to put in the secrets file) but never given a value here.
        foreach (Match m in TokenSetting().Matches(text))
            Assert.True(m.Groups[1].Value is "" or "…" or "...", $"deploy/{file} sets a token: {m.Value}");
    }

    [Fact]
    public void The_unit_never_sets_a_token_itself()
    {
        Assert.DoesNotMatch(@"(?mi)^\s*Environment=""?Messengers__\w+__Token", Unit);
        Assert.DoesNotMatch(@"(?mi)^\s*(ENV|ARG)\b.*Token", Dockerfile);
    }

    [GeneratedRegex(@"dotnet publish [^\n#]*")]
    private static partial Regex PublishCommand();

    [GeneratedRegex(@"\b\d{5,16}:[A-Za-z0-9_-]{20,}")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"Messengers__\w+__Token=([^\s`'\""]*)")]
    private static partial Regex TokenSetting();
}
