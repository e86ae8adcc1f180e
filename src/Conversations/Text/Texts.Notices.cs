using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>
/// The notices staff and organizers get about a report: each opens with what happened, then names the report (code,
/// topic, county and a line of its description) and ends with the next step. The code never starts a line.
/// </summary>
public static partial class Texts
{
    public const string NoticeOpenButton = "نمایش مسئله";

    /// <summary>The two lines that say which report a notice is about: «مسئله CODE — topic، county» and a line of its description.</summary>
    public static string NoticeHead(string code, string? topic, string county, string excerpt) =>
        $"مسئله {code} — {topic ?? UnsetTopic}، {county}\n«{excerpt}»";

    private const string NextAnswer = "برای پاسخ به گزارش‌دهنده دکمه «پاسخ» را بزنید.";

    public static string DeadlineReminder(string head, DeadlineKind kind) => kind == DeadlineKind.FirstAnswer
        ? $"یادآوری: مهلت پاسخ اول گذشته است.\n{head}\n\nهنوز پاسخی به گزارش‌دهنده نرفته است. {NextAnswer}"
        : $"یادآوری: موعد پیگیری رسیده است.\n{head}\n\nبرای ثبت اقدام تازه «نمایش مسئله» و سپس «ثبت پیگیری» را بزنید.";

    public static string DeadlineEscalation(string head, string secretariat, DeadlineKind kind) => (kind == DeadlineKind.FirstAnswer
        ? $"گزارش به برگزارکنندگان: {secretariat} با وجود یادآوری هنوز به این مسئله پاسخ نداده است.\n{head}"
        : $"گزارش به برگزارکنندگان: موعد پیگیری این مسئله در {secretariat} گذشته و با وجود یادآوری اقدامی ثبت نشده است.\n{head}")
        + "\n\nبرای دیدن مسئله دکمه «نمایش مسئله» را بزنید.";

    public static string ToStaffReopened(string head) =>
        $"گزارش‌دهنده اعلام کرد این مسئله حل نشده است؛ مسئله دوباره در مرحله «مطالبه‌گری» باز شد.\n{head}\n\n{NextAnswer}";

    public static string ToStaffConfirmedResolved(string head) => $"گزارش‌دهنده تأیید کرد این مسئله حل شده است.\n{head}";

    /// <summary>
    /// What the reporter added, gathered in one post per report and chat for a while (edited as more comes): each
    /// item is one message, or a line for a file sent on its own.
    /// </summary>
    public static string ToStaffReporterAdded(string head, IReadOnlyList<string> items, ReportOutcome? closedAs) =>
        (items.Count == 1 ? "پیام تازه گزارش‌دهنده:" : $"پیام‌های تازه گزارش‌دهنده ({PersianText.ToPersianDigits(items.Count)}):") +
        $"\n{head}\n\n" + string.Join("\n\n", items) +
        (closedAs is { } outcome ? $"\n\nاین مسئله با نتیجه «{OutcomeLabel(outcome)}» بسته شده است؛ اگر لازم است آن را به مرحله‌ای برگردانید." : "") +
        $"\n\n{NextAnswer}";

    /// <summary>One addition as the post lists it: the words, or a line for a file (sent as its own message).</summary>
    public static string AddedItem(string? text, bool file, string? elsewhere = null) =>
        !file ? text ?? "" :
        (elsewhere is null ? "(یک فایل، جداگانه فرستاده شد)" : $"(یک فایل که در {MessengerLabel(elsewhere)} مانده و به اینجا نرسید)")
        + (string.IsNullOrWhiteSpace(text) ? "" : $"\n{text}");

    /// <summary>Stands for the earliest items when the post would grow too long for one message.</summary>
    public const string AddedEarlierItems = "(پیام‌های پیشین را با «نمایش مسئله» ببینید.)";

    /// <summary>A report as an organizer sees it from an escalation: no action, and nothing of who reported it.</summary>
    public static string ReadOnlyCard(string code, string secretariat, string stage, string topic, string county, string place,
        string description, string? solution, int attachments) =>
        $"مسئله {code} — {secretariat}\nمرحله: {stage}\nموضوع: {topic}\nمکان: {county}، {place}\n" +
        $"پیوست‌ها: {PersianText.ToPersianDigits(attachments)}\nشرح: {description}\nراهکار پیشنهادی: {solution ?? "—"}\n\n" +
        "این نمایش فقط برای دیدن است؛ کار روی مسئله با کارشناسان دبیرخانه است.";
}
