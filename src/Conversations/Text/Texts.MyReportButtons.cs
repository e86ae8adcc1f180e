namespace Assembly.Conversations.Text;

/// <summary>The buttons under «مسئله‌های من»: a few words a member recognises, then the code, never the code first.</summary>
public static partial class Texts
{
    /// <summary>One report's button: what it is about, then its code.</summary>
    public static string MyReportButton(string gist, string code) => $"{gist} — {code}";

    /// <summary>What a followed report without a topic is called on its button: its county, never the reporter's words.</summary>
    public static string ReportInCounty(string county) => county == "سایر" ? "مسئله‌ای در شهرستان‌های دیگر" : $"مسئله‌ای در {county}";

    /// <summary>Put before a button's words that would otherwise start with a Latin word.</summary>
    public const string ReportWord = "مسئله";
}
