using System.Globalization;

namespace Assembly.Conversations.Organisation;

/// <summary>An account or chat written as <c>messenger:id</c> in configuration (e.g. <c>telegram:123</c>, <c>bale:-100</c>).</summary>
public readonly record struct AccountRef(string Messenger, long Id)
{
    public static bool TryParse(string? text, out AccountRef account)
    {
        account = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var colon = text.IndexOf(':');
        if (colon <= 0) return false;
        var messenger = text[..colon].Trim().ToLowerInvariant();
        if (!long.TryParse(text[(colon + 1)..].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)) return false;
        account = new AccountRef(messenger, id);
        return true;
    }

    public override string ToString() => $"{Messenger}:{Id.ToString(CultureInfo.InvariantCulture)}";
}
