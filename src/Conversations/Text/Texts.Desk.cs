using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>The desk's buttons for a follow-up action and for closing as a duplicate.</summary>
public static partial class Texts
{
    public const string StaffFollowUpButton = "ثبت پیگیری";
    public const string FollowUpInOneWeek = "یک هفته دیگر";
    public const string FollowUpInTwoWeeks = "دو هفته دیگر";

    public static string AskFollowUpWhat(string code) =>
        $"ثبت پیگیری مسئله {code}\nچه اقدامی انجام شد؟ شرح آن را در پاسخ به همین پیام بنویسید؛ برای گزارش‌دهنده هم فرستاده می‌شود.";

    public static string AskFollowUpWhen(string code) =>
        $"پیگیری بعدی مسئله {code} چه روزی است؟\nیکی از دکمه‌ها را بزنید، یا در پاسخ به همین پیام بنویسید:\n«۱۰ روز دیگر»، «فردا» یا تاریخ شمسی به شکل سال/ماه/روز.";

    public static string FollowUpOnlyInFollowUp(string code, ReportStage stage) =>
        $"ثبت پیگیری فقط در مرحله مطالبه‌گری است.\nمسئله {code} اکنون در مرحله «{StageLabel(stage)}» است؛ اگر لازم است، اول مرحله را عوض کنید.";

    public const string FollowUpWhatMissing = "شرح اقدام را به‌صورت متن در پاسخ به همان پیام بنویسید.";

    public const string FollowUpDateUnknown =
        "این تاریخ را نشناختیم.\n«۱۰ روز دیگر»، «فردا» یا تاریخ شمسی به شکل سال/ماه/روز را در پاسخ به همان پیام بنویسید.";

    public static string FollowUpDatePast(string day) =>
        $"روز {day} گذشته یا امروز است.\nپیگیری بعدی باید بعد از امروز باشد؛ تاریخ دیگری در پاسخ به همان پیام بنویسید.";

    public static string AskDuplicateOf(string code) =>
        $"مسئله {code} تکرار کدام مسئله است؟\nدر پاسخ به همین پیام، کد مسئله اصلی را بنویسید (مثل RJ-1001)\nیا چند کلمه از شرح آن را، تا در مسئله‌های باز دبیرخانه بگردیم.";

    public static string DuplicateOriginalUnknown(string code) =>
        $"مسئله‌ای با کد {code} پیدا نشد.\nکد را بررسی کنید، یا چند کلمه از شرح مسئله اصلی را در پاسخ به همان پیام بنویسید.";

    public const string DuplicateOfItself = "یک مسئله نمی‌تواند تکرار خودش باشد. کد مسئله اصلی را در پاسخ به همان پیام بنویسید.";

    public const string DuplicateFound = "این مسئله‌های باز با کلمه‌های شما همخوانی دارند.\nمسئله اصلی را انتخاب کنید، یا کلمه‌های دیگری در پاسخ به همین پیام بنویسید.";

    public const string DuplicateNoneFound = "مسئله بازی با این کلمه‌ها پیدا نشد.\nکلمه‌های دیگر یا کد مسئله اصلی را در پاسخ به همین پیام بنویسید.";

    public static string DuplicateChoice(string code, string? topic, string county) => $"مسئله {code}، {topic ?? NoTopic}، {county}";
}

/// <summary>Ready-made replies (پاسخ‌های آماده): offered after «پاسخ», kept with <c>/ready</c>.</summary>
public static partial class Texts
{
    public const string ReadyUsage = "[افزودن متن | حذف شماره]";
    public const string ReadyHelp = "پاسخ‌های آماده دبیرخانه: فهرست، افزودن، حذف";
    public const string ReadySendButton = "ارسال همین متن";

    public static string ReadyRepliesOffer(string code) =>
        $"پاسخ‌های آماده برای مسئله {code}:\nیکی را انتخاب کنید، یا پاسخ خود را در جواب پیام بعدی بنویسید.";

    public static string ReadyReplyChosen(string code, string text) =>
        $"پاسخ آماده برای مسئله {code}:\n\n{text}\n\nهمین متن را بفرستیم؟ اگر تغییری لازم است، متن تازه را در پاسخ به همین پیام بنویسید.";

    /// <param name="replies">Each with its number when staff added it (and may remove it); null for one from the settings.</param>
    public static string ReadyRepliesList(string secretariat, IReadOnlyList<(string? Number, string Text)> replies) =>
        replies.Count == 0
            ? $"{secretariat} هنوز پاسخ آماده‌ای ندارد."
            : $"پاسخ‌های آماده {secretariat}:\n" + string.Join('\n', replies.Select(r =>
                r.Number is { } number ? $"{PersianText.ToPersianDigits(number)}. {r.Text}" : $"• {r.Text} (از تنظیمات)"));

    public const string ReadyHowTo = "برای افزودن: /ready افزودن متن\nبرای حذف: /ready حذف شماره";

    public const string ReadyReplyEmpty = "متن پاسخ آماده خالی است؛ آن را بعد از «افزودن» بنویسید.\nمثلاً: /ready افزودن مسئله شما در دست بررسی است.";

    public static string ReadyReplyTooLong(int max) => $"پاسخ آماده حداکثر {PersianText.ToPersianDigits(max)} نویسه است؛ آن را کوتاه‌تر بنویسید.";

    /// <param name="names">The short names of the asker's secretariats (<see cref="DeskWords.SecretariatNames"/>).</param>
    public static string ReadyWhichSecretariat(IReadOnlyList<string> names) =>
        $"شما در چند دبیرخانه کار می‌کنید؛ نام دبیرخانه را بعد از «افزودن» بنویسید: {OneOf(names)}.\nمثلاً: /ready افزودن {names[0]} متن پاسخ";

    public static string ReadyReplyAdded(int number, string secretariat) =>
        $"پاسخ آماده شماره {PersianText.ToPersianDigits(number)} به پاسخ‌های {secretariat} افزوده شد.\nاز این پس، با زدن «پاسخ» پیشنهاد می‌شود.";

    public static string ReadyReplyRemoved(int number) => $"پاسخ آماده شماره {PersianText.ToPersianDigits(number)} حذف شد.";

    public const string ReadyReplyNotFound =
        "پاسخ آماده‌ای با این شماره در دبیرخانه شما نیست.\nشماره را از فهرست /ready بنویسید؛ پاسخ‌های «از تنظیمات» را فقط مدیر فنی تغییر می‌دهد.";
}
