using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>A reporter's view of their report: its history as they read it, page by page, newest first.</summary>
public static partial class Texts
{
    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Saturday => "شنبه",
        DayOfWeek.Sunday => "یکشنبه",
        DayOfWeek.Monday => "دوشنبه",
        DayOfWeek.Tuesday => "سه‌شنبه",
        DayOfWeek.Wednesday => "چهارشنبه",
        DayOfWeek.Thursday => "پنجشنبه",
        _ => "جمعه",
    };

    /// <summary>What a stage means for the one who reported: one sentence.</summary>
    public static string StageMeaning(ReportStage stage) => stage switch
    {
        ReportStage.Identification => "در این مرحله دبیرخانه مسئله را بررسی می‌کند و اگر توضیح بیشتری لازم باشد، از شما می‌پرسد.",
        ReportStage.Solution => "در این مرحله دبیرخانه برای مسئله راهکار آماده می‌کند و راهکار پیشنهادی شما را هم در نظر می‌گیرد.",
        ReportStage.FollowUp => "در این مرحله دبیرخانه حل مسئله را از مسئولان مربوط مطالبه و پیگیری می‌کند و نتیجه را به شما خبر می‌دهد.",
        _ => "رسیدگی به این مسئله پایان یافته است.",
    };

    public static string HistoryHeader(string code, string secretariat, ReportStage stage, ReportOutcome? outcome, string description) =>
        $"مسئله {code}\nمسئول رسیدگی: {secretariat}\n" + (stage == ReportStage.Closed ? "نتیجه: " : "مرحله: ") + StageName(stage, outcome) +
        $"\n{StageMeaning(stage)}\nشرح: {description}\n\nرویدادها، از تازه‌ترین:";

    public static string HistoryOlderHeader(string code) => $"مسئله {code}، رویدادهای پیشین:";

    public const string OlderEventsButton = "رویدادهای پیشین";

    /// <summary>One event of the history: when, then what, on lines of their own so a long reply reads as written.</summary>
    public static string HistoryEntry(string when, string what) => $"• {when}\n{what}";

    public const string HistoryCreated = "مسئله ثبت شد.";
    public static string HistoryYourMessage(string? text) => $"پیام شما:\n{text}";
    public static string HistoryYourFile(string? caption) => "فایلی که فرستادید" + (string.IsNullOrWhiteSpace(caption) ? "." : $":\n{caption}");
    public const string HistoryFollowed = "عضو دیگری که همین مسئله را داشت، آن را دنبال کرد.";
    public static string HistoryReplied(string? text) => $"پاسخ دبیرخانه:\n{text}";
    public static string HistoryStage(ReportStage stage) => $"مسئله به مرحله «{StageLabel(stage)}» رسید. {StageMeaning(stage)}";
    public static string HistoryStageUnknown(string? stage) => $"مرحله مسئله تغییر کرد: {stage}";
    public static string HistoryRouted(string to) => $"مسئله برای رسیدگی بهتر به {to} ارجاع شد.";
    public static string HistoryFollowUp(string? text, string? next) =>
        "دبیرخانه مسئله را پیگیری کرد" + (string.IsNullOrWhiteSpace(text) ? "." : $":\n{text}") + (next is null ? "" : $"\nپیگیری بعدی: {next}");
    public static string HistoryClosed(string outcome, string? reason) =>
        $"رسیدگی پایان یافت. نتیجه: {outcome}" + (string.IsNullOrWhiteSpace(reason) ? "" : $"\nتوضیح دبیرخانه:\n{reason}");
    public const string HistoryReopened = "مسئله دوباره باز شد و رسیدگی به آن ادامه دارد.";
    public const string HistoryReopenedByYou = "شما گفتید مسئله حل نشده است؛ مسئله دوباره باز شد و دبیرخانه پیگیری آن را ادامه می‌دهد.";
    public const string HistoryConfirmed = "شما تأیید کردید که مسئله حل شده است.";
}
