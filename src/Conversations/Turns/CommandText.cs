namespace Assembly.Conversations.Turns;

/// <summary>A command like <c>/start</c> or <c>/report abc</c>, already cleaned and lower-cased.</summary>
public readonly record struct CommandText(string Name, string Arguments)
{
    /// <summary>Reads <c>/name args</c>. The messenger layer has already removed a <c>@botname</c> suffix meant for us.</summary>
    public static bool TryParse(string text, out CommandText command)
    {
        command = default;
        if (text.Length < 2 || text[0] != '/') return false;
        var end = text.IndexOfAny([' ', '\n', '\t']);
        var name = (end < 0 ? text[1..] : text[1..end]).ToLowerInvariant();
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        command = new CommandText(name, end < 0 ? "" : text[(end + 1)..].Trim());
        return true;
    }
}
