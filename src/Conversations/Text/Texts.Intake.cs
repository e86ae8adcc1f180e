namespace Assembly.Conversations.Text;

/// <summary>What the bot says so that nothing a member sends is lost: long texts, albums, voice, location, drafts.</summary>
public static partial class Texts
{
    public const string StaffFullTextButton = "متن کامل";

    public static string FullText(string code, string description, string? solution, string? place) =>
        $"متن کامل مسئله {code}\n\nشرح: {description}" +
        (place is null ? "" : $"\n\nمکان: {place}") +
        (solution is null ? "" : $"\n\nراهکار پیشنهادی: {solution}");

    /// <summary>A link to the point on a public map, which opens on any phone or computer.</summary>
    public static string MapLink(double latitude, double longitude) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"https://www.openstreetmap.org/?mlat={latitude:0.######}&mlon={longitude:0.######}#map=17/{latitude:0.######}/{longitude:0.######}");

    /// <summary>The place as written, and under it the map link when the member pinned it.</summary>
    public static string PlaceWithMap(string place, double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon ? $"{place}\nنقشه: {MapLink(lat, lon)}" : place;

    public const string NoText = "بدون متن";

    public const string VoiceKept = "پیام صوتی شما به‌عنوان پیوست مسئله نگه داشته شد.";

    public const string AskLineForVoice = "در یک خط بنویسید مسئله درباره چیست تا دبیرخانه آن را زودتر بشناسد، یا «بدون متن» را بزنید.";

    /// <summary>The description of a report told only by voice: what staff and the member read in its place.</summary>
    public const string DescriptionInVoice = "(شرح در پیام صوتی پیوست است)";

    public const string FileKeptDescribeIt = "فایل شما به‌عنوان پیوست مسئله نگه داشته شد؛ حالا مسئله را با چند جمله بنویسید.";

    public const string StickerWhereTextExpected = "برچسب (استیکر) به‌جای متن پذیرفته نمی‌شود. لطفاً پاسخ را بنویسید.";

    /// <summary>Files of an album beyond what a report may carry (or too large): said once, for the whole album.</summary>
    public static string AlbumRefused(int refused, int max, int megabytes) =>
        $"{PersianText.ToPersianDigits(refused)} پیوست ثبت نشد: هر مسئله تا {PersianText.ToPersianDigits(max)} پیوست می‌پذیرد و هر فایل تا {PersianText.ToPersianDigits(megabytes)} مگابایت.";

    /// <param name="album">The files of the album being answered, when the addition is one.</param>
    public static string AddedAskMore(string code, int added, int album = 0) =>
        (album > 0 ? $"{PersianText.ToPersianDigits(album)} پیوست رسید و به مسئله {code} افزوده شد." : $"به مسئله {code} افزوده شد.")
        + " اگر پیام یا فایل دیگری دارید بفرستید؛ وگرنه «تمام» را بزنید.";

    public static string NothingAdded(string code) => $"چیزی به مسئله {code} افزوده نشد.";
}
