using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>
/// What a member reads about a report that another member filed: the offer to follow it, and, once they follow it,
/// its code, topic, county, stage and outcome. The reporter's words (description, messages, files, name, phone) and
/// what the secretariat writes to the reporter are never part of these.
/// </summary>
public static partial class Texts
{
    public const string UnsetTopic = "موضوع تعیین‌نشده";

    public static string SimilarOpenReports(IReadOnlyList<(string Code, string? Topic, string County, string Stage)> reports)
    {
        var lines = string.Join('\n', reports.Select(r => $"• مسئله {r.Code}: {r.Topic ?? UnsetTopic}، {r.County}، مرحله «{r.Stage}»"));
        return reports.Count == 1
            ? "\n\nیک مسئله باز در همین دبیرخانه و شهرستان ثبت شده است که شاید همان مسئله شما باشد:\n" + lines +
              "\nبه احترام حریم خصوصی گزارش‌دهنده، شرح آن را نشان نمی‌دهیم. اگر همان مسئله شماست، " +
              "به‌جای ثبت دوباره دکمه «دنبال کردن» آن را بزنید تا تغییر مرحله و نتیجه‌اش را به شما خبر دهیم. اگر مطمئن نیستید، مسئله خودتان را ثبت کنید."
            : "\n\nاین مسئله‌های باز در همین دبیرخانه و شهرستان ثبت شده‌اند و شاید یکی از آن‌ها همان مسئله شما باشد:\n" + lines +
              "\nبه احترام حریم خصوصی گزارش‌دهندگان، شرح آن‌ها را نشان نمی‌دهیم. اگر مسئله شما یکی از این‌هاست، " +
              "به‌جای ثبت دوباره دکمه «دنبال کردن» آن را بزنید تا تغییر مرحله و نتیجه‌اش را به شما خبر دهیم. اگر مطمئن نیستید، مسئله خودتان را ثبت کنید.";
    }

    public static string FollowButton(string code) => $"دنبال کردن {code}";

    public static string Following(string code) =>
        $"از این پس مسئله {code} را دنبال می‌کنید و تغییر مرحله و نتیجه آن را به شما خبر می‌دهیم. پیش‌نویس شما جداگانه ثبت نشد؛ این مسئله را در «مسئله‌های من» می‌بینید.";

    public const string CannotFollow = "این مسئله دیگر باز نیست و نمی‌شود دنبالش کرد. می‌توانید مسئله خودتان را ثبت کنید.";

    public const string FollowNotOffered =
        "این مسئله در میان مسئله‌های مشابهی که به شما نشان دادیم نیست و نمی‌توانید آن را دنبال کنید. چیزی تغییر نکرد.";

    public const string FollowedReportsHeader = "مسئله‌هایی که دنبال می‌کنید (برای دیدن مرحله و نتیجه، دکمه هر مسئله را زیر همین پیام بزنید):";

    public static string FollowedReportLine(string code, string? topic, string county, string stage, string changed) =>
        $"• مسئله {code}: {topic ?? UnsetTopic}، {county}، {stage} ({changed})";

    public static string FollowerDetails(string code, string secretariat, string? topic, string county, ReportStage stage, ReportOutcome? outcome,
        IEnumerable<string> timeline) =>
        $"مسئله {code} — از مسئله‌هایی که دنبال می‌کنید\nدبیرخانه: {secretariat}\nموضوع: {topic ?? "تعیین‌نشده"}\nشهرستان: {county}\n" +
        (stage == ReportStage.Closed ? "نتیجه: " : "مرحله: ") + StageName(stage, outcome) +
        "\n\nتغییرها:\n" + string.Join('\n', timeline) +
        "\n\nشرح مسئله و پیام‌های آن فقط میان گزارش‌دهنده و دبیرخانه است؛ تغییر مرحله و نتیجه را به شما خبر می‌دهیم.";

    /// <summary>One line of a followed report's timeline: only the events that change its stage or outcome have one.</summary>
    public static string FollowerEventLine(ReportEventKind kind, string when, string? stage) => kind switch
    {
        ReportEventKind.Created => $"• {when}: ثبت شد",
        ReportEventKind.StageChanged => $"• {when}: مرحله «{stage}»",
        ReportEventKind.Closed => $"• {when}: پایان رسیدگی",
        ReportEventKind.Reopened => $"• {when}: دوباره باز شد",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Followers are shown stage and outcome events only."),
    };

    // What followers are told; signed by the secretariat, like the reporter's notices, but without anything written to the reporter.
    public static string ToFollowerStage(string code, string secretariat, ReportStage stage) =>
        $"مسئله {code} که دنبال می‌کنید به مرحله «{StageLabel(stage)}» رسید.\n— {secretariat}";

    public static string ToFollowerClosed(string code, string secretariat, ReportOutcome outcome) =>
        $"رسیدگی به مسئله {code} که دنبال می‌کنید پایان یافت: {OutcomeLabel(outcome)}.\n— {secretariat}";

    public static string ToFollowerReopened(string code) =>
        $"مسئله {code} که دنبال می‌کنید دوباره باز شد و در مرحله «{StageLabel(ReportStage.FollowUp)}» است.";
}
