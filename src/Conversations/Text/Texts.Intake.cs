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
}
