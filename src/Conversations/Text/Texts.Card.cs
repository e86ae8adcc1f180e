using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>The report's card (the post staff work from), taking a report on, and the staff queue.</summary>
public static partial class Texts
{
    // The card: a header, who has it and what happened last, then the member's fields.
    public static string CardHeader(string code, string secretariat, bool fresh) =>
        fresh ? $"مسئله تازه {code} برای {secretariat}" : $"مسئله {code} برای {secretariat}";

    public static string CardStatus(string stage, string? assignee, string lastAction, string when) =>
        $"مرحله: {stage}\nکارشناس مسئول: {assignee ?? NobodyYet}\nآخرین اقدام: {lastAction}\n({when})";

    public const string NobodyYet = "هنوز کسی برنداشته است";

    public static string CardBody(string topic, string county, string place, string reporter, int attachments, string description, string? solution) =>
        $"موضوع: {topic}\nمکان: {county}، {place}\nگزارش‌دهنده: {reporter}\nپیوست‌ها: {PersianText.ToPersianDigits(attachments)}\n" +
        $"شرح: {description}\nراهکار پیشنهادی: {solution ?? "—"}";

    public const string CardHint =
        "برای پاسخ به گزارش‌دهنده دکمه «پاسخ» را بزنید. اگر مستقیم به همین پیام جواب دهید، پیش از فرستادن برای گزارش‌دهنده از شما تأیید می‌گیریم.";

    public const string CardTakeHint = "برای برداشتن این مسئله «برمی‌دارم» را بزنید.";

    /// <summary>The last thing done to a report, as its card names it.</summary>
    public static string LastAction(ReportEventKind kind, string who) => kind switch
    {
        ReportEventKind.Created => "ثبت مسئله",
        ReportEventKind.MemberMessage => "پیام تازه گزارش‌دهنده",
        ReportEventKind.MemberAttachment => "فایل تازه گزارش‌دهنده",
        ReportEventKind.Followed => "عضو دیگری آن را دنبال کرد",
        ReportEventKind.Replied => $"پاسخ به گزارش‌دهنده، از {who}",
        ReportEventKind.Note => $"یادداشت داخلی، از {who}",
        ReportEventKind.StageChanged => $"تغییر مرحله، از {who}",
        ReportEventKind.Routed => $"ارجاع، از {who}",
        ReportEventKind.FollowUp => $"ثبت پیگیری، از {who}",
        ReportEventKind.Closed => $"بستن، از {who}",
        ReportEventKind.Reopened => $"باز شدن دوباره، از {who}",
        ReportEventKind.ConfirmedResolved => "گزارش‌دهنده حل شدن را تأیید کرد",
        ReportEventKind.Assigned => $"تعیین کارشناس مسئول، از {who}",
        ReportEventKind.Unassigned => LastActionFreed(who),
        _ => "—",
    };

    public const string TheReporter = "گزارش‌دهنده";
    public const string SomeStaff = "یکی از کارشناسان";


    // Taking a report on.
    public const string TakeButton = "برمی‌دارم";
    public const string HandButton = "واگذاری";
    public static string OpenButton(string code) => $"مسئله {code}";

    public static string Taken(string code, string who) => $"مسئله {code} را {who} برداشت.\nاز این پس کارشناس مسئول آن است.";
    public static string HandedOver(string code, string from, string to) => $"{from} مسئله {code} را به {to} واگذار کرد.\nاز این پس کارشناس مسئول آن {to} است.";
    public static string HandedToYou(string code, string from) => $"{from} مسئله {code} را به شما واگذار کرد.\nکارت مسئله را در پیام بعدی می‌بینید.";

    public static string TakenByOther(string code, string who) =>
        $"مسئله {code} را {who} برداشته است.\nاگر باید با شما باشد، از او بخواهید آن را با «واگذاری» به شما بسپارد.";

    public static string AlreadyYours(string code) => $"مسئله {code} هم‌اکنون با شماست.";
    public static string AlreadyTheirs(string code, string who) => $"کارشناس مسئول مسئله {code} هم‌اکنون {who} است.";
    public const string TakeClosed = "این مسئله بسته شده است و نمی‌توان آن را برداشت.\nاگر هنوز کار دارد، نخست با دکمه «مرحله» آن را دوباره باز کنید.";
    public static string ChooseAssignee(string code) => $"مسئله {code} به کدام کارشناس واگذار شود؟";
    public const string NoOtherStaff = "کارشناس دیگری برای این دبیرخانه ثبت نشده است.\nکارشناسان را مدیر با /grant می‌افزاید.";
    public const string NotStaffOfIt = "این شخص دیگر کارشناس این دبیرخانه نیست.\nدوباره «واگذاری» را بزنید و از فهرست تازه انتخاب کنید.";

    // The staff queue.
    public static string InboxTitle(int count, string filter, int page, int pages) =>
        $"صف شما: {PersianText.ToPersianDigits(count)} مسئله باز\n{filter}" +
        (pages > 1 ? $"\nصفحه {PersianText.ToPersianDigits(page)} از {PersianText.ToPersianDigits(pages)}" : "");

    public static string InboxFilter(string? stage, bool mine) =>
        $"نمایش: {stage ?? "همه مرحله‌ها"}{(mine ? "، فقط مسئله‌های من" : "")}";

    public static string InboxEntry(int number, string topic, string county, string code, string stage, string age, string? assignee, bool overdue, bool wrote) =>
        $"{PersianText.ToPersianDigits(number)}. {topic}، {county}\n" +
        $"مسئله {code}، {stage}، {age}\n" +
        $"کارشناس مسئول: {assignee ?? "هنوز کسی برنداشته است"}" + (overdue ? "\n⏰ مهلت گذشته" : "") + (wrote ? "\n✉️ پیام تازه گزارش‌دهنده" : "");

    public const string InboxOrder = "ترتیب: نزدیک‌ترین مهلت اول.\nبرای دیدن کارت هر مسئله دکمه آن را بزنید.";
    public const string InboxNothingHere = "با این انتخاب مسئله‌ای در صف نیست.\nبا دکمه‌های زیر انتخاب دیگری کنید.";
    public const string InboxAllStages = "همه";
    public const string InboxMine = "فقط مسئله‌های من";
    public const string InboxEveryone = "مسئله‌های همه";
    public const string InboxNext = "صفحه بعد ›";
    public const string InboxPrevious = "‹ صفحه قبل";
}
