using System.Globalization;
using System.Text;
using Assembly.Conversations.Statistics;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Text;

/// <summary>Statistics, exports, charts and session summaries.</summary>
public static partial class Texts
{
    private static readonly string[] SolarMonths =
        ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

    public static string SolarMonthName(int month) => SolarMonths[month - 1];

    public static string StatsYearLabel(int year) => $"سال {PersianText.ToPersianDigits(year)}";
    public static string StatsRangeLabel(string from, string to) => $"{from} تا {to}";
    public static string StatsPeriodBetween(string from, string to) => $"{from} تا {to}";

    // Periods that cannot be read.
    public static string StatsBadPeriod(string given) =>
        $"دوره «{given}» را نشناختیم. دوره را به یکی از این شکل‌ها بنویسید: ۱۴۰۴/۰۸ (یک ماه)، ۱۴۰۴ (یک سال)، " +
        "۱۴۰۴/۰۱ تا ۱۴۰۴/۰۶ (چند ماه)، یا چیزی ننویسید تا آمار همین ماه را ببینید.";
    public static string StatsNoSuchMonth(int month) =>
        $"ماه {PersianText.ToPersianDigits(month)} در تقویم نیست؛ ماه‌ها از ۱ (فروردین) تا ۱۲ (اسفند) شماره دارند.";
    public static string StatsNoSuchYear(int year) =>
        $"سال {PersianText.ToPersianDigits(year)} در بازه‌ای که ربات می‌شناسد نیست؛ سال شمسی را چهاررقمی بنویسید، مثلاً ۱۴۰۴.";
    public const string StatsFuturePeriod = "این دوره هنوز نرسیده است و مسئله‌ای در آن ثبت نشده؛ دوره‌ای از گذشته یا همین ماه را بنویسید.";
    public const string StatsRangeReversed = "آغاز بازه بعد از پایان آن است؛ اول ماه آغاز و بعد ماه پایان را بنویسید، مثلاً ۱۴۰۴/۰۱ تا ۱۴۰۴/۰۶.";
    public static string StatsNoSuchMeeting(string given) =>
        $"جلسه‌ای با شماره «{given}» نیست. شماره جلسه‌ها را با /meetings ببینید یا به جای آن دوره‌ای مثل ۱۴۰۴ بنویسید.";

    public static string StatsNoReports(string period) => $"در {period} مسئله‌ای ثبت نشده است.";
    public static string StatsPreviousHad(string period, int count) => $"\n(در {period}: {PersianText.ToPersianDigits(count)} مسئله)";
    public static string StatsNothingToExport(string period) =>
        $"در {period} مسئله‌ای ثبت نشده است؛ فایلی ساخته نشد. دوره دیگری را امتحان کنید، مثلاً /export ۱۴۰۴.";

    // Labels shared by the message, the charts and the exports.
    public const string StatsOpen = "در جریان";
    public const string StatsCount = "تعداد مسئله‌ها";
    public const string StatsAnonymous = "ناشناس";
    public static string ChartPerMonthTitle(string period) => $"مسئله‌های رسیده در هر ماه — {period}";
    public static string ChartOutcomesTitle(string period) => $"نتیجه مسئله‌ها در هر دبیرخانه — {period}";
    public static string ChartPerMonthCaption(string period) => $"نمودار مسئله‌های رسیده در هر ماه به تفکیک دبیرخانه — {period}";
    public static string ChartOutcomesCaption(string period) => $"نمودار نتیجه مسئله‌ها به تفکیک دبیرخانه — {period}";
    public static string ExportCaption(string period, int count, bool csv) =>
        $"مسئله‌های {period} ({PersianText.ToPersianDigits(count)} مسئله){(csv ? " — CSV برای هر برنامه صفحه‌گسترده" : " — اکسل")}";

    /// <summary>The columns of the exports, in order.</summary>
    public static readonly string[] ExportColumns =
    [
        "کد پیگیری", "تاریخ ثبت", "دبیرخانه", "موضوع", "شهرستان", "مکان", "شرح مسئله", "راهکار پیشنهادی",
        "مرحله", "نتیجه", "تاریخ نخستین پاسخ", "تاریخ نتیجه", "ساعت تا نخستین پاسخ", "گزارش‌دهنده", "شماره تماس", "دنبال‌کنندگان",
    ];

    public const string ExportSheetName = "مسئله‌ها";

    /// <summary>The statistics message: headline, by secretariat, county, stage and outcome, times, overdue, comparison.</summary>
    public static string StatsMessage(ReportStatistics s)
    {
        var b = new StringBuilder();
        b.Append("آمار مسئله‌ها — ").Append(s.Period.Label).Append('\n');
        if (!s.Scope.Whole) b.Append('(').Append(string.Join("، ", s.Scope.Secretariats.Select(x => x.Name))).Append(")\n");
        b.Append('\n').Append("مسئله‌های رسیده: ").Append(N(s.Received));
        if (s.Anonymous > 0) b.Append(" (").Append(N(s.Anonymous)).Append(" ناشناس)");
        b.Append('\n').Append("باز: ").Append(N(s.Open)).Append(" — بسته: ").Append(N(s.Closed)).Append('\n');

        if (s.Scope.Secretariats.Count > 1)
        {
            b.Append("\nبه تفکیک دبیرخانه:\n");
            foreach (var (key, count) in s.BySecretariat) b.Append("• ").Append(s.Scope.NameOf(key)).Append(": ").Append(N(count)).Append('\n');
        }

        b.Append("\nبه تفکیک شهرستان:\n");
        foreach (var (county, count) in s.ByCounty) b.Append("• ").Append(county).Append(": ").Append(N(count)).Append('\n');
        b.Append("\nمرحله مسئله‌های باز:\n");
        foreach (var (stage, count) in s.ByStage) b.Append("• ").Append(StageLabel(stage)).Append(": ").Append(N(count)).Append('\n');
        b.Append("\nنتیجه مسئله‌های بسته:\n");
        foreach (var (outcome, count) in s.ByOutcome) b.Append("• ").Append(OutcomeLabel(outcome)).Append(": ").Append(N(count)).Append('\n');

        b.Append("\nمیانه زمان تا نخستین پاسخ: ").Append(Duration(s.MedianHoursToFirstAnswer)).Append('\n');
        b.Append("میانه زمان تا نتیجه: ").Append(Duration(s.MedianHoursToOutcome)).Append('\n');
        b.Append("موعدهای گذشته (پاسخ یا پیگیری دیرکرده): ").Append(N(s.Overdue)).Append('\n');

        if (s.Previous is { } p)
        {
            b.Append("\nدر مقایسه با ").Append(p.Period.Label).Append(":\n");
            b.Append("• رسیده: ").Append(N(s.Received)).Append(" در برابر ").Append(N(p.Received)).Append(Change(s.Received, p.Received)).Append('\n');
            b.Append("• حل شد: ").Append(N(s.OutcomeCount(ReportOutcome.Resolved))).Append(" در برابر ").Append(N(p.OutcomeCount(ReportOutcome.Resolved)))
                .Append(Change(s.OutcomeCount(ReportOutcome.Resolved), p.OutcomeCount(ReportOutcome.Resolved))).Append('\n');
            b.Append("• میانه تا نخستین پاسخ: ").Append(Duration(s.MedianHoursToFirstAnswer)).Append(" در برابر ").Append(Duration(p.MedianHoursToFirstAnswer)).Append('\n');
            b.Append("• میانه تا نتیجه: ").Append(Duration(s.MedianHoursToOutcome)).Append(" در برابر ").Append(Duration(p.MedianHoursToOutcome));
        }

        return b.ToString().TrimEnd();
    }

    /// <summary>
    /// The one-page summary for a session: headline numbers, the main open problems of each secretariat
    /// (the most followed, then the newest), and what was resolved. Descriptions are cut short so the whole
    /// fits in one message; no reporter's name appears.
    /// </summary>
    public static string SessionSummary(ReportStatistics s, string? meetingTitle, int topPerSecretariat, int resolvedPerSecretariat)
    {
        var b = new StringBuilder();
        b.Append(meetingTitle is null ? "خلاصه کار مجمع" : $"خلاصه برای «{meetingTitle}»").Append('\n');
        b.Append(s.Period.Label).Append('\n');
        if (!s.Scope.Whole) b.Append('(').Append(string.Join("، ", s.Scope.Secretariats.Select(x => x.Name))).Append(")\n");
        b.Append("\n📊 ").Append(N(s.Received)).Append(" مسئله رسید؛ ").Append(N(s.OutcomeCount(ReportOutcome.Resolved))).Append(" حل شد، ")
            .Append(N(s.Open)).Append(" در جریان است");
        if (s.Previous is { } p) b.Append(" (دوره پیش: ").Append(N(p.Received)).Append(" مسئله)");
        b.Append(".\n");
        b.Append("میانه زمان تا نخستین پاسخ ").Append(Duration(s.MedianHoursToFirstAnswer)).Append("، تا نتیجه ").Append(Duration(s.MedianHoursToOutcome)).Append(".\n");
        foreach (var secretariat in s.Scope.Secretariats)
        {
            var mine = s.Reports.Where(r => r.Secretariat == secretariat.Key).ToList();
            if (mine.Count == 0) continue;
            var resolved = mine.Where(r => r.Outcome == ReportOutcome.Resolved && r.Stage == ReportStage.Closed).OrderByDescending(r => r.ClosedAt).ToList();
            b.Append("\n▪️ ").Append(secretariat.Name).Append(": ").Append(N(mine.Count)).Append(" مسئله، ").Append(N(resolved.Count)).Append(" حل شد\n");
            var open = mine.Where(r => r.Stage != ReportStage.Closed).OrderByDescending(r => r.Followers).ThenByDescending(r => r.CreatedAt).Take(topPerSecretariat).ToList();
            if (open.Count > 0)
            {
                b.Append("مسئله‌های مهم در جریان:\n");
                foreach (var r in open) b.Append("• ").Append(Headline(r)).Append(r.Followers > 0 ? $" ({N(r.Followers)} دنبال‌کننده)" : "").Append(" — ").Append(StageLabel(r.Stage)).Append('\n');
            }

            if (resolved.Count > 0)
            {
                b.Append("حل‌شده‌ها:\n");
                foreach (var r in resolved.Take(resolvedPerSecretariat)) b.Append("✓ ").Append(Headline(r)).Append('\n');
                if (resolved.Count > resolvedPerSecretariat) b.Append("و ").Append(N(resolved.Count - resolvedPerSecretariat)).Append(" مسئله دیگر\n");
            }
        }

        return b.ToString().TrimEnd();
    }

    /// <summary>A report in one short line: code, topic and the start of its description.</summary>
    private static string Headline(ReportFacts r)
    {
        var text = r.Description.ReplaceLineEndings(" ");
        if (text.Length > 70) text = text[..70].TrimEnd() + "…";
        return $"{r.Code} {(r.Topic is null ? "" : $"[{r.Topic}] ")}{text}";
    }

    private static string N(int n) => PersianText.ToPersianDigits(n);

    /// <summary>«۱۲ ساعت» under two days, «۳٫۵ روز» from there; «—» when nothing was measured.</summary>
    public static string Duration(double? hours) => hours switch
    {
        null => "—",
        < 48 => $"{Decimal(hours.Value)} ساعت",
        _ => $"{Decimal(hours.Value / 24)} روز",
    };

    private static string Decimal(double value) =>
        PersianText.ToPersianDigits(Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture)).Replace('.', '٫');

    private static string Change(int now, int before) =>
        before == 0 ? (now == 0 ? "" : " (دوره پیش هیچ)")
        : now == before ? " (بی‌تغییر)"
        : $" ({PersianText.ToPersianDigits((int)Math.Round(Math.Abs(now - before) * 100.0 / before))}٪ {(now > before ? "بیشتر" : "کمتر")})";
}
