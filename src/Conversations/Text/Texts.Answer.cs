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
        "این پیام به کار نیمه‌تمامی مربوط نیست. اگر مسئله‌ای را شرح می‌دهد، آن را به‌عنوان مسئله تازه ثبت کنید تا متن شما شرح آن شود. " +
        "برای کارهای دیگر /help را بفرستید.";

    public static string OfferOneReport(string code) =>
        $"این پیام به کار نیمه‌تمامی مربوط نیست. آن را به مسئله باز شما، {code}، بیفزاییم یا به‌عنوان مسئله تازه ثبت کنیم؟";

    public const string OfferSeveralReports =
        "این پیام به کار نیمه‌تمامی مربوط نیست. آن را به یکی از مسئله‌های باز شما بیفزاییم یا به‌عنوان مسئله تازه ثبت کنیم؟";

    public const string OfferTextKept = "این متن هم کنار پیام قبلی شما نگه داشته شد.";

    public const string DescribedAskTopic = "متنی که فرستادید شرح این مسئله می‌شود و در پیش‌نمایش می‌توانید آن را ویرایش کنید.\n\n" + AskTopic;
}
