namespace Assembly.Conversations.Text;

/// <summary>What the bot says while a new member registers.</summary>
public static partial class Texts
{
    public const string ShareMyNumber = "ارسال شماره من";
    public const string NoWorkingGroup = "عضو کارگروهی نیستم";

    public static string RegistrationStart(string assembly) =>
        $"به ربات «{assembly}» خوش آمدید! برای ثبت مسئله، ابتدا در چند قدم کوتاه ثبت‌نام کنید.\n\n" +
        "۱. لطفاً نام و نام خانوادگی خود را بنویسید.";

    public const string AskName = "لطفاً نام و نام خانوادگی خود را بنویسید.";
    public const string NameInvalid = "نام باید دست‌کم دو حرف داشته باشد و بیشتر از ۶۴ نویسه نباشد. لطفاً نام و نام خانوادگی خود را بنویسید.";

    public const string AskPhone =
        "۲. شماره همراه خود را با دکمه «ارسال شماره من» بفرستید، یا آن را بنویسید (مثلاً ۰۹۱۲۳۴۵۶۷۸۹).";
    public const string PhoneInvalid =
        "این شماره همراه درست نیست. شماره باید ۱۱ رقم و با ۰۹ شروع شود (مثلاً ۰۹۱۲۳۴۵۶۷۸۹)، یا با دکمه «ارسال شماره من» بفرستید.";
    public const string ContactOfAnother =
        "این شماره کس دیگری است. برای ثبت‌نام شماره خودتان لازم است: دکمه «ارسال شماره من» را بزنید یا شماره خود را بنویسید.";

    public static string PhoneAccepted(string phone) => $"شماره {phone} ثبت شد.";

    public const string AskCounty = "۳. شهرستان محل زندگی شما کدام است؟";
    public const string CountyInvalid = "لطفاً شهرستان را با یکی از دکمه‌ها انتخاب کنید.";

    public const string AskWorkingGroup = "۴. اگر عضو یکی از کارگروه‌های مجمع هستید آن را انتخاب کنید؛ وگرنه «عضو کارگروهی نیستم» را بزنید.";

    public static string Registered(string name) =>
        $"{name} عزیز، ثبت‌نام شما کامل شد. اکنون می‌توانید مسئله‌های شهرتان را ثبت و دنبال کنید.\n" + MenuPrompt;

    public static string AccountLinked(string name) =>
        $"{name} عزیز، این حساب به عضویت قبلی شما وصل شد؛ مسئله‌ها و پیام‌هایتان در هر دو پیام‌رسان در دسترس است.\n" + MenuPrompt;

    public static string WelcomeBack(string name) => $"{name} عزیز، خوش آمدید.\n" + MenuPrompt;
}
