namespace Assembly.Conversations.Messages;

/// <summary>
/// What one message may hold on both messengers (Telegram's limits; Bale documents the same or less, and the smaller
/// wins): a text of 4,096 characters, a caption of 1,024. Every message is fitted here on its way into the outbox, so no
/// caller can write one the messenger would refuse: a long text goes as several messages in order, a long caption is cut
/// with «…» and the whole of it follows as text. Nothing is lost, and the buttons ride on the last part.
/// </summary>
public static class MessageLimits
{
    public const int Text = 4096;
    public const int Caption = 1024;

    /// <summary>The message as it can be sent: itself when it fits, else its parts in order.</summary>
    public static IReadOnlyList<OutgoingMessage> Fit(OutgoingMessage message) => message switch
    {
        TextMessage text when text.Text.Length > Text => SplitText(text),
        FileMessage file when file.Caption is { Length: > Caption } caption =>
            [file with { Caption = Cut(caption, Caption) }, .. SplitText(Follow(file, caption))],
        UploadMessage upload when upload.Caption is { Length: > Caption } caption =>
            [upload with { Caption = Cut(caption, Caption) }, .. SplitText(Follow(upload, caption))],
        _ => [message],
    };

    /// <summary>The text whole when it fits in <paramref name="max"/> characters, else its start and «…».</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var end = max - 1;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end].TrimEnd() + "…";
    }

    /// <summary>
    /// Parts of at most <paramref name="max"/> characters, broken at a line end where there is one in the second half of
    /// a part, else at a space, else anywhere but inside a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1, max / 2);
            if (cut < 0) cut = rest.LastIndexOf(' ', max - 1, max / 2);
            if (cut <= 0)
            {
                cut = max;
                if (char.IsHighSurrogate(rest[cut - 1])) cut--;
            }

            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0) parts.Add(rest);
        return parts;
    }

    private static TextMessage Follow(OutgoingMessage file, string caption) =>
        new(caption) { To = file.To, ToKind = file.ToKind, Priority = file.Priority, Subject = file.Subject, SubjectAction = file.SubjectAction, BroadcastId = file.BroadcastId };

    private static IReadOnlyList<OutgoingMessage> SplitText(TextMessage message)
    {
        var parts = Split(message.Text, Text);
        return parts.Select((part, i) => (OutgoingMessage)(message with
        {
            Text = part,
            // The buttons answer the whole message, so they go under its end; a reply-to belongs to its start.
            Keyboard = i == parts.Count - 1 ? message.Keyboard : null,
            ReplyToMessageId = i == 0 ? message.ReplyToMessageId : null,
            Monospace = message.Monospace?.Where(part.Contains).ToList() is { Count: > 0 } mono ? mono : null,
        })).ToList();
    }
}
