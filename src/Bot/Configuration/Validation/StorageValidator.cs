using Assembly.Storage;

namespace Assembly.Bot.Configuration.Validation;

/// <summary><c>Storage:Provider</c> and <c>ConnectionStrings:Bot</c>, which must suit each other.</summary>
public sealed class StorageValidator : SectionValidator<StorageOptions>
{
    protected override IEnumerable<string> Problems(StorageOptions storage)
    {
        if (storage.Provider is not (StorageOptions.Sqlite or StorageOptions.Postgres))
            yield return $"Storage:Provider must be 'Sqlite' or 'Postgres' (it is '{storage.Provider}').";
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            yield return "ConnectionStrings:Bot is empty; set it to a connection string such as 'Data Source=data/bot.db'.";
        else if (storage.Provider == StorageOptions.Postgres && StorageServiceCollectionExtensions.PostgresProblem(storage.ConnectionString) is { } problem)
            // Never the string itself: it may hold a password.
            yield return $"ConnectionStrings:Bot cannot be used with Storage:Provider 'Postgres': {problem}; set it to one such as 'Host=localhost;Database=bot;Username=bot;Password=…'.";
    }
}
