using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>What the bot says while a member reports a problem, and about reports afterwards.</summary>
public static partial class Texts
{
    public const string DontKnow = "نمی‌دانم";
    public const string ConfirmSuggestion = "بله، همین دبیرخانه";
    public const string SameCounty = "(شهرستان شما)";
    public const string ClearAttachments = "پاک کردن پیوست‌ها";
    public const string ShowMyName = "نام و شماره‌ام را ببینند";
    public const string SendAnonymously = "ناشناس بفرستید";
    public const string Submit = "ثبت نهایی";
    public const string EditTopic = "ویرایش موضوع";
    public const string EditDescription = "ویرایش شرح";
    public const string EditAttachments = "ویرایش پیوست‌ها";
    public const string EditPlace = "ویرایش مکان";
    public const string EditSolution = "ویرایش راهکار";
    public const string EditAnonymity = "ویرایش نمایش نام";

    public const string AskTopic = "موضوع مسئله کدام است؟ اگر نمی‌دانید «نمی‌دانم» را بزنید تا از روی شرح شما دبیرخانه مربوط را پیشنهاد کنیم.";

    public static string AskDescription(int minWords) =>
        $"مسئله را شرح دهید: چه مشکلی هست، از چه زمانی، و چه کسانی گرفتار آن‌اند. (دست‌کم {PersianText.ToPersianDigits(minWords)} کلمه)";

    public static string DescriptionTooShort(int minWords) =>
        $"شرح کوتاه است؛ لطفاً دست‌کم {PersianText.ToPersianDigits(minWords)} کلمه بنویسید تا دبیرخانه مسئله را بفهمد.";

    public static string SuggestSecretariat(string name, string liaison, string keyword) =>
        $"از کلمه «{keyword}» در شرح شما به نظر می‌رسد این مسئله به «{name}» ({liaison}) مربوط است. درست است؟ اگر نه، دبیرخانه دیگری را انتخاب کنید.";

    public const string ChooseSecretariat = "نتوانستم از شرح شما دبیرخانه مربوط را حدس بزنم. لطفاً خودتان انتخاب کنید:";

    public static string AskAttachments(int count, int max) =>
        (count == 0
            ? "اگر عکس، سند یا پیام صوتی درباره مسئله دارید بفرستید"
            : $"{PersianText.ToPersianDigits(count)} پیوست رسید. اگر باز هم دارید بفرستید")
        + $" (تا {PersianText.ToPersianDigits(max)} پیوست)؛ وگرنه «تمام» را بزنید.";

    public static string TooManyAttachments(int max) => $"بیش از {PersianText.ToPersianDigits(max)} پیوست نمی‌شود. «تمام» را بزنید تا ادامه دهیم.";

    public static string FileTooLarge(int megabytes) => $"این فایل از {PersianText.ToPersianDigits(megabytes)} مگابایت بزرگ‌تر است و پذیرفته نمی‌شود. فایل کوچک‌تری بفرستید یا «تمام» را بزنید.";

    public const string AttachmentKindRefused = "اینجا فقط عکس، سند (فایل) یا پیام صوتی پذیرفته می‌شود؛ یا «تمام» را بزنید.";

    public static string AskReportCounty(string memberCounty) => $"مسئله در کدام شهرستان است؟ اگر در {memberCounty} است همان را بزنید.";

    public const string AskPlace = "محل دقیق مسئله را بنویسید (محله، خیابان، نام اداره و …) یا دکمه «" + SendLocation + "» را بزنید.";
    public const string PlaceTooShort = "لطفاً محل را کمی دقیق‌تر بنویسید یا موقعیت مکانی را بفرستید.";

    public const string AskSolution = "راهکار پیشنهادی شما برای حل این مسئله چیست؟ (اختیاری؛ اگر ندارید «رد کردن» را بزنید)";

    public const string AskAnonymity = "دبیرخانه نام و شماره شما را ببیند تا در صورت نیاز با شما تماس بگیرد، یا مسئله ناشناس فرستاده شود؟";

    public static string Preview(string topic, string secretariat, string description, int attachments, string county, string place, string? solution, bool anonymous) =>
        "پیش‌نمایش مسئله شما:\n\n" +
        $"موضوع: {topic}\n" +
        $"دبیرخانه: {secretariat}\n" +
        $"شرح: {description}\n" +
        $"پیوست‌ها: {PersianText.ToPersianDigits(attachments)}\n" +
        $"مکان: {county}، {place}\n" +
        $"راهکار پیشنهادی: {solution ?? "—"}\n" +
        $"نمایش نام و شماره به دبیرخانه: {(anonymous ? "خیر (ناشناس)" : "بله")}";

    public const string PreviewNextStep = "\n\nاگر درست است «ثبت نهایی» را بزنید؛ برای تغییر هر بخش دکمه ویرایش آن را بزنید.";

    public const string NoTopic = "تعیین‌نشده (دبیرخانه از روی شرح)";

    public const string PlaceByLocation = "موقعیت مکانی فرستاده‌شده";

    public const string NoReports = "هنوز مسئله‌ای ثبت نکرده‌اید. برای ثبت، «ثبت مسئله» را بزنید.";

    public const string MyReportsHeader = "مسئله‌های شما (برای دیدن جزئیات و افزودن پیام، دکمه هر مسئله را زیر همین پیام بزنید):";

    public static string MyReportLine(string code, string secretariat, string stage, string changed) =>
        $"• مسئله {code}: {secretariat}، {stage} ({changed})";

    public static string StageName(ReportStage stage, ReportOutcome? outcome) => stage switch
    {
        ReportStage.Identification => "مسئله‌یابی",
        ReportStage.Solution => "ارائه راهکار",
        ReportStage.FollowUp => "مطالبه‌گری",
        _ => outcome switch
        {
            ReportOutcome.Resolved => "حل شد",
            ReportOutcome.Unresolved => "حل نشد",
            ReportOutcome.Rejected => "رد شد",
            ReportOutcome.Duplicate => "تکراری",
            _ => "بسته شد",
        },
    };

    public const string AddToReport = "افزودن پیام یا فایل";

    public static string AskAddition(string code) => $"پیام یا فایلی را که می‌خواهید به مسئله {code} افزوده شود بفرستید.";

    public static string Added(string code) => $"به مسئله {code} افزوده شد و به دبیرخانه می‌رسد.";

    public const string NotYourReport = "چنین مسئله‌ای در میان مسئله‌های شما نیست. کد را بررسی کنید یا «مسئله‌های من» را بزنید.";
}
