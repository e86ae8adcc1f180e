namespace Assembly.Conversations.Text;

// What a person hears when the messenger refused a message their action sent elsewhere.
public static partial class Texts
{
    /// <param name="reportCode">The report the message was about, when there was one.</param>
    public static string MessageRefused(string? reportCode) => reportCode is null
        ? "پیام شما به مقصد نرسید، چون پیام‌رسان آن را نپذیرفت."
        : $"پیام شما درباره مسئله {reportCode} به مقصد نرسید، چون پیام‌رسان آن را نپذیرفت.";
}
