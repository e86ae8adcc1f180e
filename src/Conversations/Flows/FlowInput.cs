using Assembly.Conversations.Messages;

namespace Assembly.Conversations.Flows;

/// <summary>
/// What a member answered at a step, already cleaned: the text (invisible controls removed), or the value of
/// a button made for this very step, or a contact, a location, a file.
/// </summary>
public sealed record FlowInput(IncomingMessage Message, string Text, string? Choice)
{
    public IncomingKind Kind => Message.Kind;
    public bool IsText => Kind == IncomingKind.Text && Choice is null;
    public bool IsBack => Choice == FlowButtons.BackValue || (Kind == IncomingKind.Text && Text == Conversations.Text.Texts.Back);
    public bool IsCancel => Choice == FlowButtons.CancelValue || (Kind == IncomingKind.Text && Text == Conversations.Text.Texts.Cancel);

    /// <summary>
    /// The caption of a file, cleaned as typed text is (<see cref="Conversations.Text.PersianText.CleanInput"/>): it
    /// reaches staff like a message does, so a bidi override in it could reorder what they read. Empty for anything
    /// but a file. Kept apart from <see cref="Text"/>, which steps compare with their button labels.
    /// </summary>
    public string Caption => Kind == IncomingKind.Media ? Conversations.Text.PersianText.CleanInput(Message.Text) : "";

    /// <summary>One of <paramref name="options"/>, by its button (the option's index) or by typing its label.</summary>
    public string? Pick(IReadOnlyList<string> options)
    {
        if (Choice is { } choice && int.TryParse(choice, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            return index < options.Count ? options[index] : null;
        if (!IsText) return null;
        var typed = Conversations.Text.PersianMatch.Fold(Text);
        return options.FirstOrDefault(o => Conversations.Text.PersianMatch.Fold(o) == typed);
    }

    /// <summary>Button values for <paramref name="options"/>: their indexes, which <see cref="Pick"/> reads back.</summary>
    public static IEnumerable<(string Label, string Value)> Indexed(IEnumerable<string> options) =>
        options.Select((o, i) => (o, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
