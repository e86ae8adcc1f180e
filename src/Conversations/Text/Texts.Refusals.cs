namespace Assembly.Conversations.Text;

// What a person hears when the messenger refused a message their action sent elsewhere.
public static partial class Texts
{
    /// <param name="reportCode">The report the message was about, when there was one.</param>
    public static string MessageRefused(string? reportCode) => reportCode is null
        ? "پیامی که با کار شما فرستاده شد به مقصد نرسید؛ پیام‌رسان آن را نپذیرفت."
        : $"پیامی که با کار شما درباره مسئله {reportCode} فرستاده شد به مقصد نرسید؛ پیام‌رسان آن را نپذیرفت.";
}
