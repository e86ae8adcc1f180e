using System.Globalization;
using System.Text.RegularExpressions;
using Assembly.Bot.Configuration.Validation;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Configuration;

/// <summary>
/// Every section of the settings as <see cref="IOptions{TOptions}"/>, each checked at start by its own validator: a
/// setting that cannot work stops the start with one sentence naming its key (<see cref="ConfigurationError"/>). A
/// value of the wrong kind (a word where a number goes) is named the same way, when its section is bound.
/// </summary>
public static partial class BotOptions
{
    /// <summary>Binds and validates every section; sections are checked in this order, and the first problem is told.</summary>
    public static IServiceCollection AddBotOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<MessengersOptions, MessengersValidator>(o => BindMessengers(configuration, o));
        services.AddSection<StorageOptions, StorageValidator>(o => ReadStorage(configuration, o));
        services.AddSection<AssemblyOptions, AssemblyValidator>(o => BindSection(configuration, "Assembly", o));
        services.AddSection<AccessOptions, AccessValidator>(o => BindSection(configuration, "Access", o));
        services.AddSection<ConversationOptions, ConversationsValidator>(o => BindSection(configuration, "Conversations", o));
        services.AddSection<DeadlineOptions, DeadlinesValidator>(o => BindSection(configuration, "Deadlines", o));
        services.AddSection<MeetingOptions, MeetingsValidator>(o => BindSection(configuration, "Meetings", o,
            _ => "Meetings:ReminderOffsets must be time spans like '1.00:00:00' (a day) or '02:00:00' (two hours)."));
        services.AddSection<PipelineOptions, PipelineValidator>(o => o.Lanes = WholeNumber(configuration, "Pipeline:Lanes", 0));
        services.AddSection<HttpOptions, HttpValidator>(o => o.Urls = ReadUrls(configuration));
        services.AddSection<InstanceOptions, InstancesValidator>(o => o.LeaseSeconds = WholeNumber(configuration, "Instances:LeaseSeconds", o.LeaseSeconds));
        services.AddSection<SchedulerOptions, SchedulerValidator>(o => o.IntervalSeconds = WholeNumber(configuration, "Scheduler:IntervalSeconds", o.IntervalSeconds));
        services.AddSection<RetentionOptions, RetentionValidator>(o =>
            o.OutboxPayloadDays = WholeNumber(configuration, "Retention:OutboxPayloadDays", o.OutboxPayloadDays));
        services.AddSection<SendingOptions, SendingValidator>(o =>
            o.GiveUpAfterHours = WholeNumber(configuration, "Sending:GiveUpAfterHours", o.GiveUpAfterHours));
        return services;
    }

    /// <summary>
    /// Checks every section now (what the host does at start), so that a command which builds a host or services
    /// without starting them stops on a bad setting too.
    /// </summary>
    /// <exception cref="ConfigurationError">The first problem, as one sentence naming its key.</exception>
    public static void CheckBotOptions(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new ConfigurationError(e.Failures.First());
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is OptionsValidationException first)
        {
            throw new ConfigurationError(first.Failures.First());
        }
    }

    /// <summary>
    /// The settings without a host, bound and checked as the host does, for a command that needs only them (and so
    /// never starts a second bot beside a running one).
    /// </summary>
    public static ServiceProvider Read(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddBotOptions(configuration).BuildServiceProvider();
        try
        {
            services.CheckBotOptions();
            return services;
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    /// <summary>A section's checked options from services made by <see cref="AddBotOptions"/>.</summary>
    public static T Get<T>(this IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>
    /// One section bound straight from configuration, unchecked: for the few choices made while services are still
    /// being registered (which messengers, whether HTTP, which database). The host checks them at start all the same.
    /// </summary>
    public static T Peek<T>(IConfiguration configuration) where T : class, new()
    {
        using var services = new ServiceCollection().AddBotOptions(configuration).BuildServiceProvider();
        var options = new T();
        foreach (var configure in services.GetServices<IConfigureOptions<T>>()) configure.Configure(options);
        return options;
    }

    private static void AddSection<T, TValidator>(this IServiceCollection services, Action<T> bind)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.AddOptions<T>().Configure(bind).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, TValidator>();
    }

    /// <summary>A section into its options; a value of the wrong kind names its key (the binder's message names the path, never the value).</summary>
    private static T BindSection<T>(IConfiguration configuration, string path, T target, Func<string, string>? wrongKind = null) where T : class
    {
        try
        {
            configuration.GetSection(path).Bind(target);
            return target;
        }
        catch (InvalidOperationException e)
        {
            var key = BinderPath().Match(e.Message) is { Success: true } match ? match.Groups[1].Value : path;
            throw new ConfigurationError(wrongKind?.Invoke(key) ?? $"{key} must be a number (see docs/configuration.md).");
        }
    }

    /// <summary>Each messenger on its own: the binder passes over a value of the wrong kind inside a dictionary's entry.</summary>
    private static void BindMessengers(IConfiguration configuration, MessengersOptions options)
    {
        foreach (var section in configuration.GetSection("Messengers").GetChildren())
            options[section.Key] = BindSection(configuration, section.Path, new MessengerOptions());
    }

    private static StorageOptions ReadStorage(IConfiguration configuration, StorageOptions options)
    {
        options.Provider = configuration["Storage:Provider"] ?? "";
        options.ConnectionString = configuration.GetConnectionString("Bot") ?? "";
        return options;
    }

    private static string[] ReadUrls(IConfiguration configuration) =>
        (configuration["Http:Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A whole number, or <paramref name="fallback"/> when it is not set; its bounds are the validator's.</summary>
    private static int WholeNumber(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationError($"{key} must be a whole number (it is '{text}').");
    }

    [GeneratedRegex("at '([^']+)'")]
    private static partial Regex BinderPath();
}
