namespace Assembly.Bot.Messengers;

/// <summary>
/// Removes bot tokens from text before it reaches a log. HTTP errors can carry the request address, and
/// the Bot API puts the token in the address, so every message about a messenger call passes through here.
/// </summary>
public sealed class SecretRedactor(IEnumerable<string?> secrets)
{
    private readonly string[] _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct().ToArray();

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var secret in _secrets)
            text = text.Replace(secret, "[token]", StringComparison.Ordinal);
        return text;
    }

    /// <summary>The type and message of an exception and its inner ones, without tokens and without the stack.</summary>
    public string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null && parts.Count < 4; x = x.InnerException)
            parts.Add($"{x.GetType().Name}: {x.Message}");
        return Redact(string.Join(" -> ", parts));
    }
}
