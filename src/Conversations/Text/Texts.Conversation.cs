namespace Assembly.Conversations.Text;

/// <summary>Words shared by every guided conversation and the main menu.</summary>
public static partial class Texts
{
    public const string Back = "بازگشت";
    public const string Cancel = "لغو";
    public const string SkipAnswer = "رد کردن";
    public const string Done = "تمام";

    public const string MenuReport = "ثبت مسئله";
    public const string MenuMyReports = "مسئله‌های من";
    public const string MenuMeetings = "جلسات";
    public const string MenuHelp = HelpButton;

    public const string MenuPrompt = "از دکمه‌های پایین صفحه یکی را انتخاب کنید.";

    public const string Cancelled = "کار نیمه‌تمام لغو شد و چیزی ثبت نشد. هر زمان خواستید، از منو دوباره شروع کنید.";
    public const string NothingToCancel = "کار نیمه‌تمامی در جریان نبود؛ از منوی اصلی ادامه دهید.";

    public static string Expired(int minutes) =>
        $"کار نیمه‌تمام شما چون {PersianText.ToPersianDigits(minutes)} دقیقه بی‌پاسخ ماند لغو شد و چیزی از آن ثبت نشد.\nهر زمان خواستید، از منو دوباره شروع کنید.";

    public const string UseButtons = "لطفاً یکی از دکمه‌های پیام بالا را بزنید، یا «بازگشت» یا «لغو».";
    public const string TextExpectedHere = "اینجا متن لازم است. لطفاً پاسخ را بنویسید.";
    public const string CannotGoBack = "این اولین مرحله است؛ برای خروج «لغو» را بزنید.";

    public const string RegisterFirst = "برای این کار ابتدا باید عضو شوید. /start را بفرستید تا ثبت‌نام کنیم.";
}
