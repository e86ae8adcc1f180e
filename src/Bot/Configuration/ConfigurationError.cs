namespace Assembly.Bot.Configuration;

/// <summary>Configuration that cannot run. The message is one sentence naming the key, shown as is at start.</summary>
public sealed class ConfigurationError(string message) : Exception(message);
