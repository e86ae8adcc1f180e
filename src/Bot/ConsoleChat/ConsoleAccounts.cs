using Assembly.Conversations.Organisation;

namespace Assembly.Bot.ConsoleChat;

/// <summary>
/// In the terminal one plays every part: «admin» is an admin and «staff» works every secretariat. The brain is given
/// copies of the configured organisation and admins with these two accounts added; the configured settings themselves
/// stay as they were read and checked.
/// </summary>
public static class ConsoleAccounts
{
    public static string Admin => new AccountRef(ConsoleMessenger.MessengerName, ConsoleUsers.IdOf("admin")).ToString();

    public static string Staff => new AccountRef(ConsoleMessenger.MessengerName, ConsoleUsers.IdOf("staff")).ToString();

    public static AccessOptions With(AccessOptions configured) => new() { Admins = [.. configured.Admins, Admin] };

    public static AssemblyOptions With(AssemblyOptions configured)
    {
        var copy = ShallowCopy(configured);
        copy.Secretariats = [.. configured.Secretariats.Select(s =>
        {
            var secretariat = ShallowCopy(s);
            secretariat.Staff = [.. s.Staff, Staff];
            return secretariat;
        })];
        return copy;
    }

    /// <summary>Every settable property copied, so a setting added to the options later is never lost in the console.</summary>
    private static T ShallowCopy<T>(T source) where T : class, new()
    {
        var copy = new T();
        foreach (var property in typeof(T).GetProperties().Where(p => p is { CanRead: true, CanWrite: true }))
            property.SetValue(copy, property.GetValue(source));
        return copy;
    }
}
