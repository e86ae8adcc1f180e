using Assembly.Bot.Hosting;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Statistics;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Demo;

/// <summary>
/// A believable year of reports for the default organisation, for trying <c>/stats</c>, <c>/export</c> and
/// <c>/summary</c> and for the charts in docs/operations.md (<c>dotnet run --project src/Bot -- demo</c>). Deterministic:
/// the same seed and "now" give the same reports, so those charts can be made again.
/// </summary>
internal static class DemoReports
{
    /// <summary>Each secretariat's typical problems, with the topic (of the default organisation) each belongs to.</summary>
    private static readonly Dictionary<string, (string Topic, string Text)[]> Problems = new()
    {
        ["modarres"] =
        [
            ("قوانین و مقررات", "قانون جدید مالیات بر خانه‌های خالی برای روستاهای شهرستان روشن نیست"),
            ("نماینده شهرستان", "نماینده شهرستان درباره طرح انتقال آب به کاشان پاسخی نداده است"),
            ("طرح‌ها و لوایح", "لایحه حمایت از تولیدکنندگان فرش دستباف هنوز در مجلس مانده است"),
            ("قوانین و مقررات", "مقررات صدور مجوز کارگاه‌های خانگی گلاب‌گیری بسیار پیچیده است"),
            ("طرح‌ها و لوایح", "طرح ساماندهی بافت تاریخی کاشان اعتبار مصوب ندارد"),
        ],
        ["rajaei"] =
        [
            ("آب و برق و گاز", "آب آشامیدنی محله فین چند روز در هفته قطع می‌شود"),
            ("راه و حمل‌ونقل", "جاده کاشان به نطنز در پیچ‌های کوهستانی گاردریل ندارد"),
            ("آموزش", "مدرسه روستای قمصر سیستم گرمایشی مناسب ندارد"),
            ("بهداشت و درمان", "بیمارستان آران و بیدگل متخصص اطفال شیفت شب ندارد"),
            ("آب و برق و گاز", "فشار گاز در محله‌های بالادست اردستان در زمستان افت می‌کند"),
            ("خدمات شهری", "شهرداری کاشان برای جمع‌آوری زباله محله سلطان امیر احمد برنامه ندارد"),
            ("صنعت و تولید", "کارخانه‌های شهرک صنعتی برق پایدار ندارند و تولید متوقف می‌شود"),
        ],
        ["beheshti"] =
        [
            ("پرونده‌های قضایی", "پرونده زمین‌خواری در حاشیه کویر مرنجاب سال‌هاست معطل مانده است"),
            ("حقوق عامه", "شکایت کشاورزان از برداشت غیرمجاز آب چاه‌ها به نتیجه نرسیده است"),
            ("تخلفات و فساد اداری", "تخلف در واگذاری زمین‌های کشاورزی به کاربری ویلایی"),
            ("حقوق عامه", "رسیدگی به پرونده‌های حقوق عامه درباره آلودگی هوا کند است"),
            ("تخلفات و فساد اداری", "گزارش فساد اداری در صدور پروانه ساختمانی"),
        ],
    };

    private static readonly string[] FirstNames = ["علی", "زهرا", "محمد", "فاطمه", "حسین", "مریم", "رضا", "سارا", "مهدی", "نرگس", "امیر", "الهام"];
    private static readonly string[] LastNames = ["احمدی", "کاشانی", "رضایی", "حسینی", "نطنزی", "محمدی", "کریمی", "صادقی"];

    /// <summary>Adds members and about <paramref name="perMonth"/> reports a month for the twelve Solar months up to now.</summary>
    public static async Task<int> SeedAsync(BotDbContext db, AssemblyOptions assembly, DateTime nowUtc, TimeZoneInfo zone,
        int seed = 1404, int perMonth = 30, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var members = Enumerable.Range(0, 40).Select(i => new Member
        {
            Name = $"{FirstNames[i % FirstNames.Length]} {LastNames[(i / FirstNames.Length + i) % LastNames.Length]}",
            Phone = $"+98913{i + 1000000:0000000}",
            County = assembly.Counties[i % assembly.Counties.Count],
            CreatedAt = nowUtc.AddDays(-400),
        }).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync(ct);

        var codes = assembly.Secretariats.ToDictionary(s => s.Key, _ => 1000);
        var months = StatsPeriod.OfMonths(SolarMonth.FromIndex(SolarMonth.Of(nowUtc, zone).Index - 11), SolarMonth.Of(nowUtc, zone), zone);
        var reports = new List<Report>();
        foreach (var month in months.MonthsCovered(zone))
        {
            var start = month.StartUtc(zone);
            var end = month.Next().StartUtc(zone) < nowUtc ? month.Next().StartUtc(zone) : nowUtc;
            // Busier towards the yearly session; the service secretariat gets the most.
            var count = (int)(perMonth * (0.6 + 0.6 * (month.Index - months.FirstMonth!.Value.Index) / 11.0) * (end - start).TotalDays / 30);
            for (var n = 0; n < count; n++)
            {
                var secretariat = assembly.Secretariats[Pick(random, Weights(assembly.Secretariats.Count, [0.25, 0.55, 0.20]))];
                var created = start + TimeSpan.FromMinutes(random.Next((int)Math.Max(1, (end - start).TotalMinutes)));
                var member = members[random.Next(members.Count)];
                var problems = Problems.GetValueOrDefault(secretariat.Key) ?? [("", "مسئله‌ای درباره " + secretariat.Name)];
                var problem = problems[random.Next(problems.Length)];
                var report = new Report
                {
                    Code = $"{secretariat.CodePrefix}-{++codes[secretariat.Key]}",
                    MemberId = member.Id,
                    Secretariat = secretariat.Key,
                    Topic = secretariat.Topics.Contains(problem.Topic) ? problem.Topic : null,
                    Description = problem.Text,
                    MatchWords = SimilarReports.MatchWordsOf(problem.Text),
                    County = assembly.Counties[Pick(random, Weights(assembly.Counties.Count, [0.5, 0.2, 0.12, 0.1, 0.08]))],
                    Anonymous = random.NextDouble() < 0.15,
                    CreatedAt = created,
                    UpdatedAt = created,
                };
                report.Events.Add(new ReportEvent { Kind = ReportEventKind.Created, At = created, Actor = "member" });
                Progress(report, random, nowUtc, secretariat);
                reports.Add(report);
            }
        }

        db.Reports.AddRange(reports);
        await db.SaveChangesAsync(ct);
        return reports.Count;
    }

    /// <summary>Older reports have gone further: answered, moved on, closed with an outcome; some are overdue.</summary>
    private static void Progress(Report report, Random random, DateTime now, SecretariatOptions secretariat)
    {
        ProgressOnly(report, random, now, secretariat);
        // A deadline already passed was reminded and escalated long ago: starting the bot on the demo data
        // must not send staff a year of reminders at once.
        if (report.DueAt is { } due && due <= now) report.RemindedAt = report.EscalatedAt = due;
    }

    private static void ProgressOnly(Report report, Random random, DateTime now, SecretariatOptions secretariat)
    {
        var age = (now - report.CreatedAt).TotalDays;
        var answeredAfter = TimeSpan.FromHours(2 + random.NextDouble() * random.NextDouble() * 120);
        if (report.CreatedAt + answeredAfter > now || random.NextDouble() < 0.08)
        {
            report.DueKind = DeadlineKind.FirstAnswer;
            report.DueAt = report.CreatedAt.AddHours(secretariat.FirstAnswerHours > 0 ? secretariat.FirstAnswerHours : 48);
            return;
        }

        var answered = report.CreatedAt + answeredAfter;
        report.Events.Add(new ReportEvent { Kind = ReportEventKind.Replied, At = answered, Actor = "demo:staff", Text = "مسئله دریافت شد و بررسی می‌شود." });
        report.Stage = ReportStage.Solution;
        if (random.NextDouble() < Math.Min(0.85, age / 120))
        {
            var closed = answered + TimeSpan.FromDays(3 + random.NextDouble() * Math.Max(1, Math.Min(age - 3, 90)));
            if (closed > now) closed = now.AddHours(-1);
            report.Stage = ReportStage.Closed;
            report.Outcome = (ReportOutcome)Pick(random, [0.55, 0.2, 0.15, 0.1]);
            report.Events.Add(new ReportEvent { Kind = ReportEventKind.Closed, At = closed, Actor = "demo:staff", Detail = report.Outcome.ToString() });
            report.UpdatedAt = closed;
            return;
        }

        if (random.NextDouble() < 0.6)
        {
            report.Stage = ReportStage.FollowUp;
            report.DueKind = DeadlineKind.FollowUp;
            report.DueAt = now.AddDays(random.Next(-10, 14));
        }
    }

    /// <summary>The weights given for the default organisation, or even ones for another.</summary>
    private static double[] Weights(int count, double[] preferred) => count == preferred.Length ? preferred : Enumerable.Repeat(1.0, count).ToArray();

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((roll -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }
}

/// <summary>The <c>demo</c> command: seeds the configured database with a year of reports and draws its charts.</summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(string[] configArgs)
    {
        var builder = Hosting.BotHost.CreateBuilder(configArgs, Hosting.BotMode.Serve);
        var chartsFolder = builder.Configuration["Demo:Charts"];
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow().UtcDateTime;
        var assembly = Configuration.BotOptions.Get<AssemblyOptions>(services);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(assembly.TimeZone);
        await using var db = await services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        if (await db.Reports.AnyAsync())
        {
            Console.WriteLine("The database already has reports; no demo reports were added.");
        }
        else
        {
            var count = await DemoReports.SeedAsync(db, assembly, now, zone);
            Console.WriteLine($"Added {count} demo reports over the last twelve Solar months.");
        }

        if (chartsFolder is { Length: > 0 })
        {
            var current = SolarMonth.Of(now, zone);
            var period = StatsPeriod.OfMonths(SolarMonth.FromIndex(current.Index - 11), current, zone);
            var stats = await ReportStatistics.ComputeAsync(db, period, new StatsScope(assembly.Secretariats, Whole: true), now, zone, CancellationToken.None);
            Directory.CreateDirectory(chartsFolder);
            foreach (var (name, png) in new[] { ("reports-per-month.png", ReportCharts.PerMonth(stats, zone)), ("outcomes.png", ReportCharts.Outcomes(stats)) })
            {
                var path = Path.Combine(chartsFolder, name);
                await File.WriteAllBytesAsync(path, png);
                Console.WriteLine($"Wrote {path}");
            }
        }

        return 0;
    }
}
