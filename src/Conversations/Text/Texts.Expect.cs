namespace Assembly.Conversations.Text;

/// <summary>What a member is told to expect: after filing a report, at the place step, at the phone step.</summary>
public static partial class Texts
{
    /// <summary>The message with the tracking code: who has the report, what happens next, within how long, and how to answer later.</summary>
    public static string Submitted(string code, string secretariat, int firstAnswerHours) =>
        $"مسئله شما ثبت شد و به «{secretariat}» رسید.\nکد پیگیری: {code}\n\n" +
        $"کارشناسان دبیرخانه آن را بررسی می‌کنند و {Within(firstAnswerHours)} نخستین پاسخ را می‌دهند. خبرهای آن همین‌جا به شما می‌رسد و در «{MenuMyReports}» هم هست.\n\n" +
        $"برای افزودن توضیح یا فایل، یا پاسخ به پرسش دبیرخانه، «{AnswerSecretariat}» را بزنید.";

    /// <summary>
    /// A span of working hours (days off and holidays are not counted, as the deadline is not), in Persian digits as
    /// every count the bot writes: whole days past one as working days («تا ۲ روز کاری»), anything else as working
    /// hours («تا ۲۴ ساعت کاری»).
    /// </summary>
    public static string Within(int hours) =>
        hours % 24 == 0 && hours > 24 ? $"تا {PersianText.ToPersianDigits(hours / 24)} روز کاری" : $"تا {PersianText.ToPersianDigits(hours)} ساعت کاری";

    /// <summary>The place step's reply-keyboard button that shares the phone's location.</summary>
    public const string SendLocation = "ارسال موقعیت مکانی";

    /// <summary>The button's label came as text: this messenger or phone could not share the location.</summary>
    public const string LocationNotShared = "موقعیت مکانی به دست ما نرسید. اگر پیام‌رسان شما این دکمه را ندارد، محل مسئله را بنویسید.";

    public const string PlaceNoted = "محل مسئله ثبت شد.";

    public const string LocationNoted = "موقعیت مکانی مسئله رسید.";

    /// <summary>One line under the phone question: who will see the number.</summary>
    public const string PhoneSeenBy = "شماره شما را فقط کارشناس دبیرخانه‌ای می‌بیند که به مسئله‌تان رسیدگی می‌کند؛ اگر مسئله را ناشناس بفرستید، هیچ‌کس آن را نمی‌بیند.";

    public const string AskPhoneAndWhoSees = AskPhone + "\n" + PhoneSeenBy;
}
