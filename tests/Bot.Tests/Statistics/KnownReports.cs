using Assembly.Conversations.Statistics;
using Assembly.Storage;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Statistics;

/// <summary>
/// Reports whose numbers are worked out by hand, in Aban 1405 (the month before the harness' clock, Azar 1405):
/// <code>
/// code     secretariat county   anon first answer  outcome                 stage now / deadline
/// RJ-1001  rajaei      کاشان    no   10 h          resolved after 120 h
/// RJ-1002  rajaei      نطنز     yes  20 h          unresolved after 240 h
/// MD-1001  modarres    کاشان    no   30 h          rejected after 48 h
/// BH-1001  beheshti    کاشان    yes   4 h          duplicate after 24 h
/// BH-1002  beheshti    اردستان  no   —             —                       identification, due long ago (overdue)
/// RJ-1003  rajaei      کاشان    no   40 h          —                       follow-up, due in 3 days
/// MD-1002  modarres    کاشان    no   50 h          —                       solution
/// </code>
/// Medians: first answer of 4, 10, 20, 30, 40, 50 h is 25 h; outcome of 24, 48, 120, 240 h is 84 h (۳٫۵ روز).
/// Mehr 1405 (the month before): RJ-0901 resolved, MD-0901 open. Azar 1405: RJ-1101, open, outside Aban.
/// </summary>
public static class KnownReports
{
    public static readonly SolarMonth Aban = new(1405, 8), Mehr = new(1405, 7), Azar = new(1405, 9);

    public static async Task SeedAsync(BotDbContext db, TimeZoneInfo zone, DateTime now)
    {
        var reporter = new Member { Name = "رضا کاشانی", Phone = "+989131112233", County = "کاشان", CreatedAt = now.AddYears(-1) };
        db.Members.Add(reporter);
        await db.SaveChangesAsync();
        var aban = Aban.StartUtc(zone);
        var mehr = Mehr.StartUtc(zone);
        var azar = Azar.StartUtc(zone);

        Report Add(string code, string secretariat, string county, bool anonymous, DateTime created, double? answerHours, ReportOutcome? outcome,
            double? outcomeHours, ReportStage stage = ReportStage.Closed, DateTime? due = null)
        {
            var report = new Report
            {
                Code = code, MemberId = reporter.Id, Secretariat = secretariat, County = county, Anonymous = anonymous,
                Description = "شرح مسئله " + code, Topic = "موضوع " + code, CreatedAt = created, UpdatedAt = created,
                Stage = outcome is null ? stage : ReportStage.Closed, Outcome = outcome, DueAt = due, ProposedSolution = "راهکار " + code,
            };
            report.Events.Add(new ReportEvent { Kind = ReportEventKind.Created, At = created, Actor = "member" });
            if (answerHours is { } h)
            {
                report.Events.Add(new ReportEvent { Kind = ReportEventKind.Replied, At = created.AddHours(h), Actor = "telegram:201", Text = "دریافت شد" });
                // A later reply does not move the first answer.
                report.Events.Add(new ReportEvent { Kind = ReportEventKind.Replied, At = created.AddHours(h + 1), Actor = "telegram:201", Text = "پیگیری" });
            }

            if (outcomeHours is { } o)
                report.Events.Add(new ReportEvent { Kind = ReportEventKind.Closed, At = created.AddHours(o), Actor = "telegram:201" });
            db.Reports.Add(report);
            return report;
        }

        Add("RJ-1001", "rajaei", "کاشان", false, aban.AddDays(1), 10, ReportOutcome.Resolved, 120);
        Add("RJ-1002", "rajaei", "نطنز", true, aban.AddDays(2), 20, ReportOutcome.Unresolved, 240);
        Add("MD-1001", "modarres", "کاشان", false, aban.AddDays(3), 30, ReportOutcome.Rejected, 48);
        Add("BH-1001", "beheshti", "کاشان", true, aban.AddDays(4), 4, ReportOutcome.Duplicate, 24);
        Add("BH-1002", "beheshti", "اردستان", false, aban.AddDays(5), null, null, null, ReportStage.Identification, due: aban.AddDays(7));
        Add("RJ-1003", "rajaei", "کاشان", false, aban.AddDays(6), 40, null, null, ReportStage.FollowUp, due: now.AddDays(3));
        Add("MD-1002", "modarres", "کاشان", false, aban.AddDays(7), 50, null, null, ReportStage.Solution);
        Add("RJ-0901", "rajaei", "کاشان", false, mehr.AddDays(3), 5, ReportOutcome.Resolved, 30);
        Add("MD-0901", "modarres", "نطنز", false, mehr.AddDays(9), null, null, null, ReportStage.Identification);
        Add("RJ-1101", "rajaei", "کاشان", false, azar.AddHours(5), null, null, null, ReportStage.Identification);
        await db.SaveChangesAsync();
    }
}
