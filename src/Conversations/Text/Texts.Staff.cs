using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>What staff read, and what reporters are told of the secretariat's work.</summary>
public static partial class Texts
{
    public const string StaffReplyButton = "پاسخ";
    public const string StaffNoteButton = "یادداشت";
    public const string StaffStageButton = "مرحله";
    public const string StaffRouteButton = "ارجاع";
    public const string StaffCloseButton = "بستن";

    public const string Anonymous = "ناشناس";

    public static string AttachmentCaption(string code, int index, int count) =>
        $"پیوست {PersianText.ToPersianDigits(index)} از {PersianText.ToPersianDigits(count)} مسئله {code}";

    public static string AttachmentsElsewhere(string messenger) =>
        $"\n(پیوست‌ها در پیام‌رسان {MessengerLabel(messenger)} فرستاده شده‌اند و این‌جا نشان داده نمی‌شوند.)";

    public static string ReporterLine(string name, string? phone) => phone is null ? name : $"{name} ({phone})";

    public static string AskStaffReply(string code) => $"متن پاسخ به گزارش‌دهنده مسئله {code} را در جواب همین پیام بنویسید.\nپاسخ با امضای دبیرخانه به او می‌رسد.";
    public static string AskStaffNote(string code) => $"یادداشت داخلی مسئله {code} را در جواب همین پیام بنویسید.\nیادداشت به گزارش‌دهنده نمی‌رسد.";
    public static string ChooseStage(string code) => $"مرحله تازه مسئله {code} را انتخاب کنید:";
    public static string ChooseRoute(string code) => $"مسئله {code} به کدام دبیرخانه ارجاع شود؟";
    public static string ChooseOutcome(string code) =>
        $"نتیجه مسئله {code} را انتخاب کنید.";

    public static string StageLabel(ReportStage stage) => StageName(stage, null);

    public static string OutcomeLabel(ReportOutcome outcome) => StageName(ReportStage.Closed, outcome);

    // What reporters are told; always signed by the secretariat, never by a person.
    public static string ToReporterReply(string code, string secretariat, string text) => $"پاسخ {secretariat} درباره مسئله {code}:\n\n{text}";
    public static string ToReporterStage(string code, string secretariat, ReportStage stage) =>
        $"مسئله {code} به مرحله «{StageLabel(stage)}» رسید.\n— {secretariat}";
    public static string ToReporterRouted(string code, string from, string to) =>
        $"مسئله {code} برای رسیدگی بهتر از {from} به {to} ارجاع شد.\n— {from}";
    public static string ToReporterClosed(string code, string secretariat, ReportOutcome outcome, string? text, string? original) =>
        $"رسیدگی به مسئله {code} پایان یافت: {OutcomeLabel(outcome)}." +
        (original is null ? "" : $"\nاین مسئله پیش‌تر با کد {original} ثبت شده و پیگیری آن ادامه دارد؛ از این پس خبرهای آن را برای شما هم می‌فرستیم.") +
        (string.IsNullOrWhiteSpace(text) ? "" : $"\n\n{text}") + $"\n— {secretariat}";
    public static string ToReporterFollowUp(string code, string secretariat, string text, string nextDate) =>
        $"پیگیری مسئله {code}: {text}\nپیگیری بعدی: {nextDate}\n— {secretariat}";

    // Staff confirmations and refusals.
    public static string StaffDone(string code, string what) => $"مسئله {code}: {what}";
    public const string DoneReplied = "پاسخ به گزارش‌دهنده فرستاده شد";
    public const string DoneNoted = "یادداشت داخلی ثبت شد";
    public static string DoneStage(ReportStage stage) => $"مرحله به «{StageLabel(stage)}» تغییر کرد و به گزارش‌دهنده خبر داده شد";
    public static string DoneRouted(string to) => $"به {to} ارجاع شد و به گزارش‌دهنده خبر داده شد";
    public static string DoneClosed(ReportOutcome outcome) => $"با نتیجه «{OutcomeLabel(outcome)}» بسته شد و به گزارش‌دهنده خبر داده شد";
    public static string DoneFollowUp(string date) => $"پیگیری ثبت شد؛ پیگیری بعدی {date}";

    public const string UnknownCode = "مسئله‌ای با این کد در دسترس شما نیست. کد را بررسی کنید (مثلاً RJ-1001) یا /inbox را بفرستید.";
    public const string StaffTextMissing = "متن پیام خالی است. مثلاً: /reply RJ-1001 متن پاسخ";
    public const string DuplicateNeedsOriginal = "برای «تکراری» کد مسئله اصلی را هم بنویسید: /close کد تکراری کد_اصلی";
    public const string AlreadyClosed = "این مسئله پیش‌تر بسته شده است؛ تغییری داده نشد.";
    public const string SameSecretariat = "این مسئله هم‌اکنون در همین دبیرخانه است.";
    public static string SameStage(ReportStage stage) => $"این مسئله هم‌اکنون در مرحله «{StageLabel(stage)}» است.";
    public const string BadDate =
        "این تاریخ را نشناختیم.\nموعد پیگیری بعدی را بعد از کد بنویسید، مثل «۱۰ روز دیگر»، «فردا» یا تاریخ شمسی به شکل سال/ماه/روز.";
    public const string PastDate = "تاریخ پیگیری بعدی باید بعد از امروز باشد.";
    /// <summary>A usage of several lines starts on its own line, so each of its lines begins as it was written.</summary>
    public static string Usage(string usage) => usage.Contains('\n') ? $"شکل درست دستور:\n{usage}" : $"شکل درست دستور: {usage}";

    public const string InboxEmpty = "در صف شما مسئله‌ای باز نمانده است.";

    public static string StaffDetails(string code, string secretariat, string stage, string topic, string county, string place,
        string reporter, string description, string? solution, int attachments, IEnumerable<string> timeline) =>
        $"مسئله {code} — {secretariat}\nمرحله: {stage}\nموضوع: {topic}\nمکان: {county}، {place}\nگزارش‌دهنده: {reporter}\n" +
        $"پیوست‌ها: {PersianText.ToPersianDigits(attachments)}\nشرح: {description}\nراهکار پیشنهادی: {solution ?? "—"}\n\nرویدادها:\n" +
        string.Join('\n', timeline);

    public static string StaffEventLine(ReportEventKind kind, string when, string actor, string? text, string? detail) => kind switch
    {
        ReportEventKind.Created => $"• {when} ثبت شد",
        ReportEventKind.MemberMessage => $"• {when} پیام گزارش‌دهنده: {text}",
        ReportEventKind.MemberAttachment => $"• {when} فایل گزارش‌دهنده",
        ReportEventKind.Followed => $"• {when} عضو دیگری آن را دنبال کرد",
        ReportEventKind.Replied => $"• {when} پاسخ ({actor}): {text}",
        ReportEventKind.Note => $"• {when} یادداشت ({actor}): {text}",
        ReportEventKind.StageChanged => $"• {when} مرحله ({actor}): {detail}",
        ReportEventKind.Routed => $"• {when} ارجاع ({actor}): {detail}",
        ReportEventKind.FollowUp => $"• {when} پیگیری ({actor}): {text} — بعدی: {detail}",
        ReportEventKind.Closed => $"• {when} بسته شد ({actor}): {detail}{(text is null ? "" : " — " + text)}",
        ReportEventKind.Reopened => $"• {when} باز شد ({actor}): {text}",
        ReportEventKind.ConfirmedResolved => StaffConfirmedLine(when),
        ReportEventKind.Assigned => $"• {when} کارشناس مسئول ({actor}): {detail}",
        ReportEventKind.Unassigned => StaffFreedLine(when, actor, detail),
        _ => $"• {when}",
    };

    public static string Granted(string who, string role) => $"نقش «{role}» به {who} داده شد.";
    public static string Revoked(string who, string role) => $"نقش «{role}» از {who} گرفته شد.";
    public const string NothingToRevoke = "چنین نقشی برای این شخص ثبت نشده بود (نقش‌هایی که در تنظیمات نوشته شده‌اند فقط از همان‌جا برداشته می‌شوند).";
    public const string BadWho = "شخص را با شماره همراه، telegram:شناسه یا bale:شناسه مشخص کنید؛ هر کس شناسه خود را با /whoami می‌بیند.";
    /// <summary>A secretariat's name already starts with «دبیرخانه»: «کارشناس دبیرخانه شهید رجایی».</summary>
    public static string RoleStaffOf(string secretariat) => $"کارشناس {secretariat}";
    public const string RoleOrganizer = "برگزارکننده";
}

/// <summary>Deadlines and the question after a report is resolved.</summary>
public static partial class Texts
{
    public const string ResolvedYes = "بله، حل شد";
    public const string ResolvedNo = "نه، حل نشده";

    public static string AskResolved(string code, string secretariat) =>
        $"چند روز پیش {secretariat} مسئله {code} را «حل‌شده» اعلام کرد. آیا واقعاً حل شده است؟";

    public const string ThanksResolved = "سپاس از پاسخ شما. خوشحالیم که مسئله حل شد.";
    public static string Reopened(string code) => $"مسئله {code} دوباره باز شد و در مرحله «مطالبه‌گری» پیگیری می‌شود. نتیجه را به شما خبر می‌دهیم.";
    public const string AlreadyAnswered = "پاسخ شما به این پرسش پیش‌تر ثبت شده است.";
}
