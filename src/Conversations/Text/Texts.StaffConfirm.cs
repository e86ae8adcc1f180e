using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>Staff speak to the reporter only when they mean to: the question after a reply to a post, reasons, files.</summary>
public static partial class Texts
{
    public const string HeldSendButton = "ارسال به گزارش‌دهنده";
    public const string HeldNoteButton = "یادداشت داخلی";
    public const string HeldDropButton = "لغو";
    public const string HeldCloseButton = "بستن و ارسال";

    public static string HeldAsk(string code) =>
        $"پیام شما درباره مسئله {code} هنوز برای کسی فرستاده نشده است. آن را برای گزارش‌دهنده بفرستیم یا یادداشت داخلی بماند؟";

    public const string HeldNotYours = "این انتخاب با کسی است که پیام را نوشته است.";
    public const string HeldDropped = "لغو شد؛ چیزی برای گزارش‌دهنده فرستاده یا ثبت نشد.";

    public static string AskCloseReason(string code, ReportOutcome outcome) =>
        $"دلیل «{OutcomeLabel(outcome)}» برای مسئله {code} را در پاسخ به همین پیام بنویسید. این دلیل برای گزارش‌دهنده فرستاده می‌شود و پیش از ارسال از شما تأیید می‌گیریم.";

    public static string ConfirmClose(string code, ReportOutcome outcome, string reason) =>
        $"مسئله {code} با نتیجه «{OutcomeLabel(outcome)}» بسته شود؟\nدلیلی که برای گزارش‌دهنده فرستاده می‌شود:\n\n{reason}";

    public const string ReasonMissing = "دلیل را به‌صورت متن بنویسید؛ گزارش‌دهنده آن را می‌خواند.";
    public const string NoteIsText = "یادداشت داخلی فقط متن است. فایل را با «پاسخ» برای گزارش‌دهنده بفرستید یا توضیحش را به‌صورت متن بنویسید.";
    public const string StaffFileUnsupported = "برای گزارش‌دهنده فقط متن، عکس یا فایل می‌فرستیم.";

    /// <summary>What the report's timeline keeps of a reply that carried a file.</summary>
    public static string RepliedWithFile(string text) => string.IsNullOrWhiteSpace(text) ? "(یک فایل فرستاده شد)" : text + "\n(همراه با یک فایل)";

    /// <summary>What an internal note keeps of a file shown in the staff chat.</summary>
    public static string NotedWithFile(string text) => string.IsNullOrWhiteSpace(text) ? "(فایلی در گفتگوی کارشناسان)" : text + "\n(همراه با فایلی در گفتگوی کارشناسان)";

    public static string ToReporterFile(string code, string secretariat) => $"فایلی از {secretariat} درباره مسئله {code}";

    public static string FileTooBigToCarry(string messenger) =>
        $"گزارش‌دهنده از پیام‌رسان {MessengerLabel(messenger)} استفاده می‌کند و فایل‌های بزرگ‌تر از {PersianText.ToPersianDigits(20)} مگابایت را نمی‌توانیم به آن‌جا برسانیم. " +
        "چیزی فرستاده نشد؛ فایل کوچک‌تری بفرستید یا پاسخ را به‌صورت متن بنویسید.";

    /// <summary>A messenger by the name its users know it by.</summary>
    public static string MessengerLabel(string messenger) => messenger == "bale" ? "بله" : messenger == "telegram" ? "تلگرام" : messenger;
}
