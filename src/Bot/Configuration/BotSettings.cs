using System.Text.RegularExpressions;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.Extensions.Configuration;

namespace Assembly.Bot.Configuration;

/// <summary>
/// Everything the host needs from configuration, read once at start and checked: a setting that cannot
/// work stops the start with one sentence naming its key (<see cref="ConfigurationError"/>).
/// </summary>
public sealed partial record BotSettings(
    IReadOnlyDictionary<string, MessengerOptions> Messengers,
    StorageOptions Storage,
    AssemblyOptions Assembly,
    AccessOptions Access,
    ConversationOptions Conversations,
    DeadlineOptions Deadlines,
    MeetingOptions Meetings,
    int Lanes,
    HttpOptions Http,
    int LeaseSeconds,
    int SchedulerIntervalSeconds)
{
    /// <summary>How long the scheduler's lease and an instance's heartbeat stay good without renewal (<c>Instances:LeaseSeconds</c>).</summary>
    public TimeSpan LeaseTime => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>How often the scheduler looks for what is due (<c>Scheduler:IntervalSeconds</c>).</summary>
    public TimeSpan SchedulerInterval => TimeSpan.FromSeconds(SchedulerIntervalSeconds);

    /// <summary>The messengers the bot knows, by their configuration key and the name used in data (<c>telegram:123</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownMessengers =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Telegram"] = "telegram", ["Bale"] = "bale" };

    public IEnumerable<KeyValuePair<string, MessengerOptions>> EnabledMessengers => Messengers.Where(m => m.Value.Enabled);

    public static BotSettings Read(IConfiguration config)
    {
        var messengers = new Dictionary<string, MessengerOptions>();
        foreach (var section in config.GetSection("Messengers").GetChildren())
        {
            if (!KnownMessengers.TryGetValue(section.Key, out var name))
                throw new ConfigurationError($"Messengers:{section.Key} is not a messenger this bot knows; use Messengers:Telegram or Messengers:Bale.");
            var options = Bind(section);
            Check(options, $"Messengers:{section.Key}");
            messengers[name] = options;
        }

        var storage = new StorageOptions
        {
            Provider = config["Storage:Provider"] ?? "",
            ConnectionString = config.GetConnectionString("Bot") ?? "",
        };
        if (storage.Provider is not (StorageOptions.Sqlite or StorageOptions.Postgres))
            throw new ConfigurationError($"Storage:Provider must be 'Sqlite' or 'Postgres' (it is '{storage.Provider}').");
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            throw new ConfigurationError("ConnectionStrings:Bot is empty; set it to a connection string such as 'Data Source=data/bot.db'.");
        if (storage.Provider == StorageOptions.Postgres && StorageServiceCollectionExtensions.PostgresProblem(storage.ConnectionString) is { } problem)
            // Never the string itself: it may hold a password.
            throw new ConfigurationError($"ConnectionStrings:Bot cannot be used with Storage:Provider 'Postgres': {problem}; set it to one such as 'Host=localhost;Database=bot;Username=bot;Password=…'.");

        var assembly = config.GetSection("Assembly").Get<AssemblyOptions>() ?? new AssemblyOptions();
        Check(assembly);

        var access = config.GetSection("Access").Get<AccessOptions>() ?? new AccessOptions();
        for (var i = 0; i < access.Admins.Count; i++)
            CheckAccount(access.Admins[i], $"Access:Admins:{i}");

        var conversations = config.GetSection("Conversations").Get<ConversationOptions>() ?? new ConversationOptions();
        Check(conversations);

        var deadlines = config.GetSection("Deadlines").Get<DeadlineOptions>() ?? new DeadlineOptions();
        if (deadlines.EscalateAfterHours is < 1 or > 720)
            throw new ConfigurationError($"Deadlines:EscalateAfterHours must be from 1 to 720 (it is {deadlines.EscalateAfterHours}).");
        if (deadlines.ResolvedCheckDays is < 1 or > 90)
            throw new ConfigurationError($"Deadlines:ResolvedCheckDays must be from 1 to 90 (it is {deadlines.ResolvedCheckDays}).");

        MeetingOptions meetings;
        try
        {
            meetings = config.GetSection("Meetings").Get<MeetingOptions>() ?? new MeetingOptions();
        }
        catch (InvalidOperationException)
        {
            throw new ConfigurationError("Meetings:ReminderOffsets must be time spans like '1.00:00:00' (a day) or '02:00:00' (two hours).");
        }

        if (meetings.ReminderOffsets.Any(o => o <= TimeSpan.Zero || o > TimeSpan.FromDays(60)))
            throw new ConfigurationError("Meetings:ReminderOffsets must each be more than zero and at most 60 days before the session.");

        var lanes = config.GetValue<int?>("Pipeline:Lanes") ?? 0;
        if (lanes is < 1 or > 64)
            throw new ConfigurationError($"Pipeline:Lanes must be a whole number from 1 to 64 (it is '{config["Pipeline:Lanes"]}').");

        var http = ReadHttp(config, messengers);
        var leaseSeconds = WholeNumber(config, "Instances:LeaseSeconds", 30, 3, 600);
        var schedulerSeconds = WholeNumber(config, "Scheduler:IntervalSeconds", 30, 1, 3600);

        return new BotSettings(messengers, storage, assembly, access, conversations, deadlines, meetings, lanes, http, leaseSeconds, schedulerSeconds)
        {
            Retention = ReadRetention(config),
            Sending = ReadSending(config),
        };
    }

    /// <summary>A whole number setting within bounds, or its default when it is not set.</summary>
    private static int WholeNumber(IConfiguration config, string key, int fallback, int min, int max)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ConfigurationError($"{key} must be a whole number from {min} to {max} (it is '{text}').");
        return value;
    }

    /// <summary>The HTTP server's addresses; a messenger on a webhook needs one, and two may not share a path.</summary>
    private static HttpOptions ReadHttp(IConfiguration config, Dictionary<string, MessengerOptions> messengers)
    {
        var urls = (config["Http:Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
            if (!ListenAddress().IsMatch(url))
                throw new ConfigurationError($"Http:Urls must be addresses like 'http://127.0.0.1:8080' or 'http://0.0.0.0:8080', separated by ';' (it has '{url}').");

        var withWebhook = messengers.Where(m => m.Value.Enabled && m.Value.Webhook.Enabled).ToList();
        if (withWebhook.Count > 0 && urls.Length == 0)
            throw new ConfigurationError($"Http:Urls is empty, but Messengers:{ConfigKey(withWebhook[0].Key)}:Webhook:Url is set; give the address to listen on, e.g. 'http://127.0.0.1:8080'.");
        var paths = withWebhook.GroupBy(m => m.Value.Webhook.PathFor(secretInPath: false), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (paths is not null)
            throw new ConfigurationError($"Messengers:Telegram:Webhook:Url and Messengers:Bale:Webhook:Url have the same path '{paths.Key}'; give each messenger its own.");
        return new HttpOptions(urls);
    }

    /// <summary>A messenger's section as options; a value of the wrong kind (a word where a number goes) names its key.</summary>
    private static MessengerOptions Bind(IConfigurationSection section)
    {
        try
        {
            return section.Get<MessengerOptions>() ?? new MessengerOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the path ("… at 'Messengers:Telegram:Webhook:MaxConnections' …"), never the value.
            var key = BinderPath().Match(e.Message) is { Success: true } match ? match.Groups[1].Value : section.Path;
            throw new ConfigurationError($"{key} must be a number (see docs/configuration.md).");
        }
    }

    private static string ConfigKey(string name) => KnownMessengers.First(k => k.Value == name).Key;

    private static void Check(MessengerOptions options, string key)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            throw new ConfigurationError($"{key}:BaseUrl must be an absolute http or https address (it is '{options.BaseUrl}').");
        if (options.Enabled && !TokenShape().IsMatch(options.Token!))
            // Never echo the token: it is a secret even when it is wrong.
            throw new ConfigurationError($"{key}:Token does not look like a bot token (digits, a colon, then letters, digits, '_' or '-').");
        if (!string.IsNullOrWhiteSpace(options.Proxy)
            && (!Uri.TryCreate(options.Proxy, UriKind.Absolute, out var proxy) || proxy.Scheme is not ("http" or "https" or "socks5" or "socks4" or "socks4a")))
            throw new ConfigurationError($"{key}:Proxy must be an http:// or socks5:// address such as 'socks5://127.0.0.1:1080'.");
        if (options.PollTimeoutSeconds is < 0 or > 50)
            throw new ConfigurationError($"{key}:PollTimeoutSeconds must be from 0 to 50 (it is {options.PollTimeoutSeconds}).");
        if (options.Limits.BulkPerSecond <= 0)
            throw new ConfigurationError($"{key}:Limits:BulkPerSecond must be more than zero.");
        if (options.Limits.PerChatPerSecond <= 0)
            throw new ConfigurationError($"{key}:Limits:PerChatPerSecond must be more than zero.");
        if (options.Limits.PerGroupPerMinute <= 0)
            throw new ConfigurationError($"{key}:Limits:PerGroupPerMinute must be more than zero.");
        Check(options.Webhook, $"{key}:Webhook");
    }

    private static void Check(WebhookOptions webhook, string key)
    {
        if (!webhook.Enabled) return;
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0)
            throw new ConfigurationError($"{key}:Url must be the public https address the messenger posts updates to, like 'https://bot.example.org/telegram' (it is '{webhook.Url}').");
        // Over plain http the secret (Telegram's header, Bale's path) and every member's words would cross the network
        // readable; only a loopback address, which never leaves the machine, is let through, for tests.
        if (url.Scheme == "http" && !IsLoopback(url))
            throw new ConfigurationError($"{key}:Url must start with https:// (plain http:// only for a loopback host such as 127.0.0.1, ::1 or localhost), like 'https://bot.example.org/telegram' (it is '{webhook.Url}').");
        if (webhook.Secret is null || !WebhookSecret().IsMatch(webhook.Secret))
            // Never echo the secret.
            throw new ConfigurationError($"{key}:Secret must be 32 to 256 letters, digits, '_' or '-' (make one with 'openssl rand -hex 32').");
        if (webhook.MaxConnections is < 1 or > 100)
            throw new ConfigurationError($"{key}:MaxConnections must be from 1 to 100 (it is {webhook.MaxConnections}).");
        if (webhook.MaxQueuedUpdates is < 1 or > 10000)
            throw new ConfigurationError($"{key}:MaxQueuedUpdates must be from 1 to 10000 (it is {webhook.MaxQueuedUpdates}).");
    }

    /// <summary>127.0.0.0/8, ::1 or localhost.</summary>
    private static bool IsLoopback(Uri url) =>
        url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(url.IdnHost, out var address) && System.Net.IPAddress.IsLoopback(address));

    private static void Check(ConversationOptions options)
    {
        if (options.IdleMinutes is < 1 or > 10080)
            throw new ConfigurationError($"Conversations:IdleMinutes must be from 1 to 10080 (it is {options.IdleMinutes}).");
        if (options.MaxAttachments is < 0 or > 50)
            throw new ConfigurationError($"Conversations:MaxAttachments must be from 0 to 50 (it is {options.MaxAttachments}).");
        if (options.MaxFileMegabytes is < 1 or > 2000)
            throw new ConfigurationError($"Conversations:MaxFileMegabytes must be from 1 to 2000 (it is {options.MaxFileMegabytes}).");
        if (options.MinDescriptionWords is < 1 or > 50)
            throw new ConfigurationError($"Conversations:MinDescriptionWords must be from 1 to 50 (it is {options.MinDescriptionWords}).");
    }

    private static void Check(AssemblyOptions assembly)
    {
        if (string.IsNullOrWhiteSpace(assembly.Name))
            throw new ConfigurationError("Assembly:Name is empty; give the assembly's name as members should see it.");
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(assembly.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ConfigurationError($"Assembly:TimeZone '{assembly.TimeZone}' is not a time zone this machine knows (use e.g. 'Asia/Tehran').");
        }

        CheckList(assembly.Counties, "Assembly:Counties", required: true);
        CheckList(assembly.WorkingGroups, "Assembly:WorkingGroups", required: false);
        if (assembly.Secretariats.Count == 0)
            throw new ConfigurationError("Assembly:Secretariats is empty; at least one secretariat must receive reports.");

        var keys = new HashSet<string>();
        var prefixes = new HashSet<string>();
        for (var i = 0; i < assembly.Secretariats.Count; i++)
        {
            var s = assembly.Secretariats[i];
            var key = $"Assembly:Secretariats:{i}";
            if (!SecretariatKey().IsMatch(s.Key))
                throw new ConfigurationError($"{key}:Key must be lower-case Latin letters, digits or '-' (it is '{s.Key}').");
            if (!keys.Add(s.Key))
                throw new ConfigurationError($"{key}:Key '{s.Key}' is used by two secretariats.");
            if (!CodePrefix().IsMatch(s.CodePrefix))
                throw new ConfigurationError($"{key}:CodePrefix must be two or three Latin capital letters, like 'MD' (it is '{s.CodePrefix}').");
            if (!prefixes.Add(s.CodePrefix))
                throw new ConfigurationError($"{key}:CodePrefix '{s.CodePrefix}' is used by two secretariats.");
            if (string.IsNullOrWhiteSpace(s.Name))
                throw new ConfigurationError($"{key}:Name is empty.");
            CheckList(s.Topics, $"{key}:Topics", required: true);
            if (s.FirstAnswerHours is < 1 or > 720)
                throw new ConfigurationError($"{key}:FirstAnswerHours must be from 1 to 720 (it is {s.FirstAnswerHours}).");
            if (s.FollowUpDays is < 1 or > 90)
                throw new ConfigurationError($"{key}:FollowUpDays must be from 1 to 90 (it is {s.FollowUpDays}).");
            CheckList(s.Keywords, $"{key}:Keywords", required: false);
            for (var j = 0; j < s.Staff.Count; j++) CheckAccount(s.Staff[j], $"{key}:Staff:{j}");
            for (var j = 0; j < s.StaffChats.Count; j++) CheckAccount(s.StaffChats[j], $"{key}:StaffChats:{j}");
        }
    }

    private static void CheckList(List<string> items, string key, bool required)
    {
        if (required && items.Count == 0)
            throw new ConfigurationError($"{key} is empty; list at least one.");
        for (var i = 0; i < items.Count; i++)
            if (string.IsNullOrWhiteSpace(items[i]))
                throw new ConfigurationError($"{key}:{i} is empty.");
        var duplicate = items.GroupBy(x => x.Trim()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ConfigurationError($"{key} names '{duplicate.Key}' twice.");
    }

    private static void CheckAccount(string value, string key)
    {
        if (!AccountRef.TryParse(value, out var account) || !KnownMessengers.Values.Contains(account.Messenger))
            throw new ConfigurationError($"{key} must look like 'telegram:123456' or 'bale:987654' (it is '{value}').");
    }

    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{32,256}$")]
    private static partial Regex WebhookSecret();

    [GeneratedRegex(@"^https?://[^/:]+:\d{1,5}/?$")]
    private static partial Regex ListenAddress();

    [GeneratedRegex("at '([^']+)'")]
    private static partial Regex BinderPath();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex SecretariatKey();

    [GeneratedRegex(@"^[A-Z]{2,3}$")]
    private static partial Regex CodePrefix();
}
