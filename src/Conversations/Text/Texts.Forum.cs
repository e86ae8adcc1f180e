namespace Assembly.Conversations.Text;

public static partial class Texts
{
    /// <summary>The longest name Telegram gives a forum topic.</summary>
    private const int TopicNameLength = 128;

    /// <summary>
    /// A report's topic in a staff chat: its topic first and the code last, so the right-to-left name never begins
    /// with the Latin code, and the code is still there to search for.
    /// </summary>
    public static string TopicName(string? topic, string code)
    {
        var tail = " · " + code;
        var head = string.IsNullOrWhiteSpace(topic) ? TopicUnknown : topic.Trim();
        return head.Length + tail.Length <= TopicNameLength ? head + tail : head[..(TopicNameLength - tail.Length - 1)] + "…" + tail;
    }

    /// <summary>A topic's name for a report filed without a topic: short, so a phone's topic list still shows the code.</summary>
    private const string TopicUnknown = "موضوع نامشخص";

    /// <summary>What a note keeps when a staff member put a file into the report's topic without a word.</summary>
    public const string TopicFileNote = "فایلی بی‌توضیح در تاپیک مسئله";

    /// <summary>The quiet «noted» under a staff member's message in a report's topic.</summary>
    public const string TopicNoted = "✍";

    /// <summary>
    /// A member's addition in the post that stands for its copy when the messenger would not copy it into the topic (the
    /// member deleted it first, say): the words as they were added, and for a file a line saying it did not come.
    /// </summary>
    public static string AddedNotCopied(string? text, bool file) =>
        !file ? text ?? "" : AddedFileNotCopied + (string.IsNullOrWhiteSpace(text) ? "" : $"\n{text}");

    /// <summary>A member's file that could not be copied into the report's topic, with what staff can do.</summary>
    public const string AddedFileNotCopied = "(گزارش‌دهنده فایلی فرستاد که به اینجا نرسید؛ اگر به آن نیاز دارید، با دکمه «پاسخ» از او بخواهید دوباره بفرستد.)";
}
