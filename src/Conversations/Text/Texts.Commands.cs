namespace Assembly.Conversations.Text;

/// <summary>
/// The help and the messenger's menu: each command's Persian line, read by the catalog
/// (<see cref="Commands.CommandCatalog"/>), and the titles of the help's sections.
/// </summary>
public static partial class Texts
{
    public static string HelpTitle(string assembly) => $"راهنمای ربات «{assembly}»";

    public const string HelpTrackingCode = "کد پیگیری هر مسئله (مثل MD-1042) را هر زمان بفرستید، وضعیت آن را نشان می‌دهیم.";

    /// <summary>How an alias (a button label of the menu, «لغو») appears in its command's help line.</summary>
    public static string HelpAlias(string alias) => $"دکمه «{alias}» یا ";

    /// <summary>
    /// One command's help line: what it does first, then how it is typed. A line that began with a Latin <c>/name</c>
    /// would be laid out left to right on a phone, with its Persian words out of order.
    /// </summary>
    public static string HelpLine(string description, string typed) => $"{description}: {typed}";

    public const string StaffHelpTitle = "دستورهای کارشناسان دبیرخانه:";
    public const string OrganizerHelpTitle = "دستورهای برگزارکنندگان:";
    public const string StatsHelpTitle = "آمار و گزارش‌گیری (برگزارکنندگان همه دبیرخانه‌ها را می‌بینند، کارشناسان دبیرخانه خود را):";
    public const string AdminHelpTitle = "دستورهای مدیر:";

    // Members (and anybody who writes).
    public const string StartHelp = "شروع، ثبت‌نام و منوی اصلی";
    public const string HelpHelp = "همین راهنما";
    public const string HelpMenu = "راهنما و فهرست دستورها";
    public const string WhoAmIHelp = "شناسه حساب شما، برای دریافت نقش در مجمع";
    public const string ReportHelp = "ثبت مسئله تازه";
    public const string MyReportsHelp = "مسئله‌های من و افزودن پیام به آن‌ها";
    public const string MeetingsHelp = "جلسه‌های پیش‌رو و پاسخ شما";
    public const string MuteHelp = "خاموش کردن اطلاعیه‌های عمومی";
    public const string UnmuteHelp = "روشن کردن دوباره اطلاعیه‌های عمومی";
    public const string VerifyHelp = "تأیید شماره همراه با دکمه «ارسال شماره من»";
    public const string ForgetHelp = "پاک شدن نام، شماره و عضویت شما از ربات (با تأیید)";
    public const string CancelHelp = "لغو کار نیمه‌تمام («بازگشت» یک قدم به عقب می‌برد)";
    public const string CancelMenu = "لغو کار نیمه‌تمام";

    // Staff.
    public const string InboxUsage = "[مرحله]";
    public const string InboxHelp = "صف مسئله‌های باز، نزدیک‌ترین مهلت اول، با دکمه برای هر مسئله";
    public const string ShowUsage = "کد";
    public const string ShowHelp = "جزئیات و رویدادهای یک مسئله";
    public const string ReplyUsage = "کد متن";
    public const string ReplyHelp = "پاسخ به گزارش‌دهنده (یا در پاسخ به پیام مسئله بنویسید)";
    public const string NoteUsage = "کد متن";
    public const string NoteHelp = "یادداشت داخلی";
    public const string StageUsage = "کد مرحله";
    public const string StageHelp = "تغییر مرحله: مسئله‌یابی، ارائه راهکار یا مطالبه‌گری";
    public const string RouteUsage = "کد دبیرخانه";
    public const string RouteHelp = "ارجاع به دبیرخانه دیگر، با نام آن";
    public const string CloseUsage = "کد نتیجه [کد_اصلی] [متن]";
    public const string CloseHelp = "بستن با نتیجه: حل شد، حل نشد، رد شد یا تکراری (با کد مسئله اصلی)";
    public const string FollowUpUsage = "کد موعد شرح (موعد مثل «۱۰ روز دیگر»، «فردا» یا سال/ماه/روز)";
    public const string FollowUpHelp = "ثبت پیگیری و موعد بعدی";

    // Organizers.
    public const string AnnounceHelp = "فرستادن اطلاعیه به اعضا (با پیش‌نمایش و تأیید)";
    public const string BroadcastsHelp = "وضعیت رسیدن اطلاعیه‌های فرستاده‌شده";
    public const string MeetingHelp = "اعلام جلسه یا اجلاسیه تازه (با دکمه‌های حضور)";
    public const string RescheduleUsage = "شماره زمان (زمان مثل «فردا ساعت ۱۷» یا «۲۰ دی ساعت ۱۷:۳۰»)";
    public const string RescheduleHelp = "تغییر زمان جلسه";
    public const string PlaceUsage = "شماره محل تازه";
    public const string PlaceHelp = "تغییر محل جلسه";
    public const string CancelMeetingUsage = "شماره";
    public const string CancelMeetingHelp = "لغو جلسه";
    public const string OutcomeUsage = "شماره";
    public const string OutcomeHelp = "اطلاعیه نتایج پس از برگزاری جلسه";

    // The team's statistics.
    public const string StatsUsage = "[دبیرخانه] [دوره]";
    public const string StatsHelp = "آمار مسئله‌ها با نمودار؛ دوره: خالی برای این ماه، ۱۴۰۵/۰۸، ۱۴۰۵، یا ۱۴۰۵/۰۱ تا ۱۴۰۵/۰۶";
    public const string StatsMenu = "آمار مسئله‌ها با نمودار";
    public const string ExportUsage = "[دبیرخانه] [دوره]";
    public const string ExportHelp = "فایل اکسل و فایل متنی مسئله‌های دوره";
    public const string ExportMenu = "فایل اکسل و فایل متنی مسئله‌های دوره";
    public const string SummaryUsage = "[دبیرخانه] [شماره جلسه یا دوره]";
    public const string SummaryHelp = "خلاصه یک‌صفحه‌ای برای اجلاسیه، آماده بازارسال";

    // Admins.
    public const string StaffListHelp = "فهرست مدیران، کارشناسان و برگزارکنندگان";
    public const string GrantHelpUsage = "شخص کارشناس دبیرخانه یا /grant شخص برگزارکننده";
    public const string GrantHelp = "دادن نقش";
    public const string RevokeUsage = "شخص کارشناس دبیرخانه، /revoke شخص برگزارکننده یا /revoke شخص مدیر";
    public const string RevokeHelp = "پس گرفتن نقش (شخص: شماره همراه، telegram:شناسه یا bale:شناسه)";
    public const string RevokeMenu = "پس گرفتن نقش";
    public const string ClaimHelpUsage = "کد";
    public const string ClaimHelp = "مدیر شدن با کد یک‌بارمصرفی که مسئول فنی ربات می‌سازد؛ راه افزودن مدیر تازه";
    public const string ForgetAnotherUsage = "شماره_همراه یا /forget telegram:شناسه";
    public const string ForgetAnotherHelp = "پاک کردن عضویت یک عضو (با تأیید)";
}
