using System.Globalization;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>
/// The reporter's side of a report's thread: the button to answer the secretariat, what they are told when their
/// answer arrives, what staff read of it, and the offer made for a text sent outside any conversation.
/// </summary>
public static partial class Texts
{
    public const string AnswerSecretariat = "پاسخ به دبیرخانه";

    public static string AskAnswer(string code) =>
        $"پاسخ خود را درباره مسئله {code} بفرستید: متن، عکس، فایل، پیام صوتی یا موقعیت مکانی.";

    public static string AnswerToClosedReceived(string code) =>
        $"مسئله {code} بسته شده است، اما پاسخ شما کنار آن نگه داشته شد و به دبیرخانه رسید.";

    public const string AnswerKindRefused = "این نوع پیام را نمی‌توانیم به مسئله بیفزاییم. لطفاً متن، عکس، فایل، پیام صوتی یا موقعیت مکانی بفرستید.";

    /// <summary>A location the reporter added, as it is kept on the report: a line staff can open on a map.</summary>
    public static string LocationAdded(double latitude, double longitude) => "موقعیت مکانی: " + MapLink(latitude, longitude);

    /// <summary>A link that opens the point on a map, in any browser.</summary>
    public static string MapLink(double latitude, double longitude)
    {
        var lat = latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }

    // A text sent outside any conversation: kept until the member says where it belongs.
    public const string NewReportFromText = "ثبت به‌عنوان مسئله تازه";

    public static string AddTextTo(string code) => $"افزودن به مسئله {code}";

    public const string OfferNewReport =
        "پیام شما رسید. اگر مسئله‌ای را شرح می‌دهد، «" + NewReportFromText + "» را بزنید تا متن شما شرح آن شود.\n" +
        "برای کارهای دیگر «" + MenuHelp + "» را بزنید.";

    public static string OfferOneReport(string code) =>
        $"پیام شما رسید. آن را به مسئله {code} که هنوز باز است بیفزاییم، یا مسئله تازه‌ای با آن ثبت کنیم؟";

    public const string OfferSeveralReports =
        "پیام شما رسید. آن را به کدام مسئله باز خود بیفزاییم؟ یا «" + NewReportFromText + "» را بزنید.";

    public const string OfferTextKept = "این متن هم کنار پیام قبلی شما نگه داشته شد.";

    public const string DescribedAskTopic = "متن شما شرح مسئله شد؛ پیش از ثبت نهایی می‌توانید آن را تغییر دهید.\n\n" + AskTopic;
}
