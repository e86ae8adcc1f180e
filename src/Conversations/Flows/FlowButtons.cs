using System.Globalization;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Flows;

/// <summary>
/// Buttons of a conversation step. Their data is <c>c:STEP:VALUE</c>: the step they were made for travels
/// with them, so a press on an older message, or a second press of the same button, is recognised as stale
/// and changes nothing.
/// </summary>
public static class FlowButtons
{
    public const string BackValue = "back";
    public const string CancelValue = "cancel";
    public const string Prefix = "c:";

    public static string Data(int step, string value) => $"{Prefix}{step.ToString(CultureInfo.InvariantCulture)}:{value}";

    /// <summary>Reads a conversation button's data; false for any other button.</summary>
    public static bool TryRead(string? data, out int step, out string value)
    {
        step = 0;
        value = "";
        if (data is null || !data.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var colon = data.IndexOf(':', Prefix.Length);
        if (colon < 0 || !int.TryParse(data.AsSpan(Prefix.Length, colon - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out step)) return false;
        value = data[(colon + 1)..];
        return true;
    }

    /// <summary>The choices, one row each or <paramref name="perRow"/> to a row, then «بازگشت» and «لغو».</summary>
    public static InlineKeyboard Keyboard(int step, IEnumerable<(string Label, string Value)> choices, int perRow = 1, bool back = true)
    {
        var rows = choices.Chunk(perRow)
            .Select(row => (IReadOnlyList<InlineButton>)row.Select(c => new InlineButton(c.Label, Data(step, c.Value))).ToList())
            .ToList();
        var nav = new List<InlineButton>();
        if (back) nav.Add(new InlineButton(Texts.Back, Data(step, BackValue)));
        nav.Add(new InlineButton(Texts.Cancel, Data(step, CancelValue)));
        rows.Add(nav);
        return new InlineKeyboard(rows);
    }

    /// <summary>Only «بازگشت» and «لغو», under a question answered by typing.</summary>
    public static InlineKeyboard Navigation(int step, bool back = true) => Keyboard(step, [], back: back);
}
