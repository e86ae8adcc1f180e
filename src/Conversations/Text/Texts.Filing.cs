namespace Assembly.Conversations.Text;

/// <summary>What a member reads as a report is filed, beside the tracking code's message.</summary>
public static partial class Texts
{
    /// <summary>Sent just before the tracking code's message; it brings the main menu back under the chat.</summary>
    public const string ThanksForReport = "از اینکه این مسئله را با ما در میان گذاشتید، سپاسگزاریم.";
}
