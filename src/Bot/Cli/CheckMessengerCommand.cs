using System.Globalization;
using Assembly.Bot.Cli.Check;
using Assembly.Bot.Configuration;
using Assembly.Bot.Messengers;

namespace Assembly.Bot.Cli;

/// <summary>
/// <c>check-messenger --messenger bale|telegram --to CHAT [--seconds N]</c>: what the messenger accepts, with the
/// bot's real token, on the first deployment (<see cref="MessengerCheck"/> does the steps). It starts no host and opens
/// no database; it reads the bot's updates, so the bot must not be running meanwhile. The exit code is 1 only when
/// getMe got no good answer: every other refusal is a finding in the report.
/// </summary>
public static class CheckMessengerCommand
{
    public const string MessengerOption = "messenger";
    public const string ToOption = "to";
    public const string SecondsOption = "seconds";
    public const int DefaultSeconds = 60;

    public const string UsageText =
        "Usage: check-messenger --messenger bale|telegram --to CHAT [--seconds N], with the token in the settings " +
        "(--Messengers:Bale:Token=...); CHAT is the numeric id of the chat the test messages go to.";

    public static Task<int> RunAsync(string[] args, CliConsole console, IDictionary<string, string?>? overrides = null, TimeProvider? time = null) =>
        CliCommands.RunAsync(console, async () =>
        {
            var parsed = CliArguments.Parse(args, MessengerOption, ToOption, SecondsOption);
            if (parsed.Positional.Count != 0) throw new CliError(UsageText, ExitCodes.Usage);
            var name = parsed.Options.GetValueOrDefault(MessengerOption)?.ToLowerInvariant();
            if (name is not ("bale" or "telegram")) throw new CliError(UsageText, ExitCodes.Usage);
            if (!long.TryParse(PersianLatin(parsed.Options.GetValueOrDefault(ToOption)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat))
                throw new CliError(UsageText, ExitCodes.Usage);
            var seconds = DefaultSeconds;
            if (parsed.Options.TryGetValue(SecondsOption, out var given)
                && (!int.TryParse(PersianLatin(given), NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds is < 1 or > 3600))
                throw new CliError("--seconds takes a whole number of seconds from 1 to 3600.", ExitCodes.Usage);

            await using var settings = BotOptions.Read(BotConfiguration.Read(parsed.Configuration, overrides));
            var key = MessengersOptions.KeyOf(name);
            if (!settings.Get<MessengersOptions>().TryGetValue(key, out var options) || !options.Enabled)
                throw new CliError($"No token for {key}: give it as --Messengers:{key}:Token=... or in the environment (Messengers__{key}__Token).");

            var clock = time ?? TimeProvider.System;
            using var http = BotApiProbe.CreateHttpClient(options.Proxy);
            var probe = new BotApiProbe(http, options.BaseUrl, options.Token!, clock, new SecretRedactor([options.Token]));
            await console.Out.WriteLineAsync($"Checking {key} at {options.BaseUrl} with the configured token; test messages go to chat {chat}.");
            var check = new MessengerCheck(probe, name, chat, TimeSpan.FromSeconds(seconds), console.Out, clock);
            var (report, reached) = await check.RunAsync(CancellationToken.None);

            await console.Out.WriteLineAsync(report.Render($"What {key} accepted, and how:"));
            var refused = report.Refused.ToList();
            await console.Out.WriteLineAsync(!reached
                ? $"getMe failed: check the token and Messengers:{key}:BaseUrl (and Proxy), then run the check again."
                : refused.Count == 0
                    ? "Everything was accepted and seen. Record the findings in docs/bale.md (for Bale), with the date."
                    : $"Not accepted or not seen: {string.Join(", ", refused)}. Record the findings in docs/bale.md (for Bale), with the date.");
            return reached ? ExitCodes.Ok : ExitCodes.Failed;
        });

    /// <summary>A chat id or a number of seconds may be typed with Persian digits.</summary>
    private static string? PersianLatin(string? text) => text is null ? null : Conversations.Text.PersianText.ToLatinDigits(text);
}
