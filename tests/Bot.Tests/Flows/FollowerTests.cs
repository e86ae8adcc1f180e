using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The reporter and the followers of a report are two audiences: a follower sees its code, topic, county, stage and
/// outcome and hears of its stage and outcome, never the reporter's words, name or phone, nor what the secretariat
/// writes to the reporter; and follows only a report the offer showed them.
/// </summary>
public sealed class FollowerTests : IDisposable
{
    private const long Modarres = 101, Rajaei = 201, Reporter = 501, Follower = 600;
    private const string Secretariat = "دبیرخانه شهید رجایی";

    // The reporter's own words: not one of those below the follower's may ever reach the follower.
    private const string ReporterDescription = "آب آشامیدنی محله فین سه روز است قطع شده چون لوله اصلی کنار نانوایی سنگکی ترکیده";
    private const string FollowerDescription = "سه روز است آب آشامیدنی محله فین قطع شده";
    private const string ReporterPlace = "کوچه شقایق پلاک هفده";
    private const string ReporterMessage = "شماره کنتور خانه ما هشتصد و نود است";
    private const string StaffReply = "کارشناسان اداره آبفا فردا صبح اعزام می‌شوند";
    private const string StaffFollowUp = "نامه رسمی به مدیر آبفای شهرستان فرستاده شد";
    private const string StaffReason = "لوله فرسوده تعویض و جریان آب برقرار شد";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:0:Staff:0", "telegram:101"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Deadlines:ResolvedCheckDays", "3"));

    public void Dispose() => _chat.Dispose();

    /// <summary>Words that are the reporter's or written to them, and the reporter's name and phone in both scripts.</summary>
    private static IEnumerable<string> Private =>
        ReporterDescription.Split(' ').Except(FollowerDescription.Split(' '))
            .Concat([ReporterPlace, ReporterMessage, StaffReply, StaffFollowUp, StaffReason, "زهرا", "احمدی", "09121111111", "۰۹۱۲۱۱۱۱۱۱۱", "9121111111", "۹۱۲۱۱۱۱۱۱۱"]);

    private static void AssertNothingPrivate(string text)
    {
        foreach (var word in Private) Assert.DoesNotContain(word, text);
    }

    private async Task FileAsync(bool anonymous = false)
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync(phone: "09121111111");
        await _chat.FileReportAsync(description: ReporterDescription, place: ReporterPlace, anonymous: anonymous);
    }

    /// <summary>Another member starts a report of the same problem and gets to its preview.</summary>
    private async Task<Reply> PreviewAsFollowerAsync()
    {
        _chat.As = ("bale", Follower, "رضا");
        await _chat.RegisterAsync(phone: "09122222222");
        return await _chat.FileReportAsync(description: FollowerDescription, place: "محله فین", submit: false);
    }

    private async Task FollowAsync()
    {
        await PreviewAsFollowerAsync();
        Assert.Equal([Texts.Following("RJ-1001")], (await _chat.Press("f:RJ-1001")).Texts);
    }

    private Task<Reply> Staff(string text)
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        return _chat.Say(text);
    }

    private Task<Reply> AsReporter(Func<Task<Reply>> act)
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        return act();
    }

    private Task<Reply> AsFollower(Func<Task<Reply>> act)
    {
        _chat.As = ("bale", Follower, "رضا");
        return act();
    }

    [Fact]
    public async Task The_similar_report_offer_shows_topic_county_and_stage_and_no_words_of_the_other_description()
    {
        await FileAsync();
        var preview = await PreviewAsFollowerAsync();

        var text = preview.Last.Text;
        Assert.Contains("• مسئله RJ-1001: آب و برق و گاز، کاشان، مرحله «مسئله‌یابی»", text);
        Assert.Contains(Texts.FollowButton("RJ-1001"), preview.ButtonLabels);
        AssertNothingPrivate(text);
        // The preview's only description is the member's own.
        Assert.Contains(FollowerDescription, text);
    }

    [Fact]
    public async Task Several_similar_reports_are_offered_together_each_by_topic_county_and_stage_only()
    {
        await FileAsync();
        await AsReporter(() => _chat.FileReportAsync(description: ReporterDescription + " و مأموران هنوز نیامده‌اند", place: ReporterPlace));
        await Staff("/stage RJ-1002 solution");
        var preview = await PreviewAsFollowerAsync();

        var text = preview.Last.Text;
        // The closer match first.
        Assert.Contains("شاید یکی از آن‌ها همان مسئله شما باشد:\n• مسئله RJ-1001: آب و برق و گاز، کاشان، مرحله «مسئله‌یابی»\n"
                        + "• مسئله RJ-1002: آب و برق و گاز، کاشان، مرحله «ارائه راهکار»\n", text);
        Assert.Equal([Texts.FollowButton("RJ-1001"), Texts.FollowButton("RJ-1002")], preview.ButtonLabels.Take(2));
        AssertNothingPrivate(text);
        Assert.DoesNotContain("مأموران", text);
    }

    [Fact]
    public async Task A_follower_sees_code_topic_county_stage_and_outcome_and_none_of_the_reporters_words()
    {
        await FileAsync();
        await FollowAsync();
        await AsReporter(() => _chat.PressData(MyReports.AddPrefix + "RJ-1001"));
        await AsReporter(() => _chat.Say(ReporterMessage));
        await AsReporter(() => _chat.Press("done"));
        await AsReporter(() => _chat.PressData(MyReports.AddPrefix + "RJ-1001"));
        await AsReporter(() => _chat.SendFile(AttachmentKind.Photo));
        await AsReporter(() => _chat.Press("done"));
        await Staff($"/reply RJ-1001 {StaffReply}");
        await Staff("/stage RJ-1001 followup");
        await Staff($"/followup RJ-1001 ۱۴۰۵/۱۰/۰۱ {StaffFollowUp}");

        var list = await AsFollower(() => _chat.Say("/myreports"));
        Assert.StartsWith(Texts.FollowedReportsHeader + "\n\n• مسئله RJ-1001: آب و برق و گاز، کاشان، مطالبه‌گری (", list.Last.Text);
        Assert.DoesNotContain(Texts.MyReportsHeader, list.Last.Text); // the follower filed nothing
        Assert.Equal(["آب و برق و گاز — RJ-1001"], list.ButtonLabels);
        AssertNothingPrivate(list.Last.Text);

        var open = await AsFollower(() => _chat.PressData(MyReports.ShowPrefix + "RJ-1001"));
        Assert.StartsWith($"مسئله RJ-1001 — از مسئله‌هایی که دنبال می‌کنید\nدبیرخانه: {Secretariat}\nموضوع: آب و برق و گاز\nشهرستان: کاشان\nمرحله: مطالبه‌گری\n\nتغییرها:\n", open.Last.Text);
        Assert.Contains(": ثبت شد", open.Last.Text);
        Assert.Contains(": مرحله «مطالبه‌گری»", open.Last.Text);
        Assert.Null(open.Last.Keyboard); // no «add to report»
        AssertNothingPrivate(open.Last.Text);

        await Staff($"/close RJ-1001 resolved {StaffReason}");
        var closed = await AsFollower(() => _chat.Say("rj-۱۰۰۱"));
        Assert.Contains("\nنتیجه: حل شد\n", closed.Last.Text);
        Assert.Contains(": پایان رسیدگی", closed.Last.Text);
        AssertNothingPrivate(closed.Last.Text);

        // The reporter's own view is still the whole report, with the way to add to it.
        var reporters = await AsReporter(() => _chat.Say("RJ-1001"));
        Assert.Contains(ReporterDescription, reporters.Last.Text);
        Assert.Contains(ReporterMessage, reporters.Last.Text);
        Assert.Equal([Texts.AddToReport], reporters.ButtonLabels);
    }

    [Fact]
    public async Task A_staff_reply_reaches_the_reporter_only_and_a_stage_change_and_the_outcome_reach_the_follower_without_the_reason()
    {
        await FileAsync();
        await FollowAsync();

        var reply = await Staff($"/reply RJ-1001 {StaffReply}");
        Assert.Equal(Texts.ToReporterReply("RJ-1001", Secretariat, StaffReply), reply.To(Reporter).Single().Text);
        Assert.Empty(reply.To(Follower));

        var stage = await Staff("/stage RJ-1001 followup");
        Assert.Equal(Texts.ToReporterStage("RJ-1001", Secretariat, ReportStage.FollowUp), stage.To(Reporter).Single().Text);
        var toFollower = stage.To(Follower).Single();
        Assert.Equal((Texts.ToFollowerStage("RJ-1001", Secretariat, ReportStage.FollowUp), "bale"), (toFollower.Text, toFollower.To.Messenger));

        var followUp = await Staff($"/followup RJ-1001 ۱۴۰۵/۱۰/۰۱ {StaffFollowUp}");
        Assert.Single(followUp.To(Reporter));
        Assert.Empty(followUp.To(Follower));

        var routed = await Staff("/route RJ-1001 modarres");
        Assert.Single(routed.To(Reporter));
        Assert.Empty(routed.To(Follower));

        _chat.As = ("telegram", Modarres, "کارشناس");
        var closed = await _chat.Say($"/close RJ-1001 resolved {StaffReason}");
        Assert.Equal(Texts.ToReporterClosed("RJ-1001", "دبیرخانه شهید مدرس", ReportOutcome.Resolved, StaffReason, null), closed.To(Reporter).Single().Text);
        Assert.Equal(Texts.ToFollowerClosed("RJ-1001", "دبیرخانه شهید مدرس", ReportOutcome.Resolved), closed.To(Follower).Single().Text);
        AssertNothingPrivate(closed.To(Follower).Single().Text);
    }

    [Fact]
    public async Task The_resolved_question_is_the_reporters_and_a_reopening_tells_the_follower_only_the_stage()
    {
        await FileAsync();
        await FollowAsync();
        await Staff($"/close RJ-1001 resolved {StaffReason}");

        _chat.Now = _chat.Now.AddDays(4);
        var asked = Assert.Single(await _chat.DeadlinesDueAsync());
        Assert.Equal(Reporter, asked.To.ChatId);

        // A follower's forged answer is stale and changes nothing.
        var forged = await AsFollower(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false)));
        Assert.Equal(Texts.StaleButton, forged.Answer?.Notice);
        await using (var db = _chat.Db())
            Assert.Equal(ReportStage.Closed, (await db.Reports.SingleAsync()).Stage);

        var no = await AsReporter(() => _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false)));
        Assert.Equal([Texts.Reopened("RJ-1001")], no.Texts);
        Assert.Equal(Texts.ToFollowerReopened("RJ-1001"), no.To(Follower).Single().Text);
    }

    [Fact]
    public async Task A_follower_cannot_add_to_the_report_they_follow()
    {
        await FileAsync();
        await FollowAsync();

        // Even with a button crafted for it, nothing is stored and nothing reaches the staff.
        // The press is refused before anything starts, so what follows is read as any text or file of theirs.
        Assert.Equal(Texts.StaleButton, (await AsFollower(() => _chat.PressData(MyReports.AddPrefix + "RJ-1001"))).Answer?.Notice);
        var text = await AsFollower(() => _chat.Say("من هم همین مشکل را دارم"));
        Assert.Equal(Texts.OfferNewReport, text.Last.Text);
        Assert.Empty(text.To(Rajaei));
        await AsFollower(() => _chat.Say("/cancel"));
        Assert.Equal(Texts.StaleButton, (await AsFollower(() => _chat.PressData(MyReports.AddPrefix + "RJ-1001"))).Answer?.Notice);
        var file = await AsFollower(() => _chat.SendFile(AttachmentKind.Photo));
        Assert.Equal([Texts.TextExpected], file.Texts);
        Assert.Empty(file.To(Rajaei));

        await using var db = _chat.Db();
        Assert.Equal([ReportEventKind.Created, ReportEventKind.Followed], await db.ReportEvents.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Empty(await db.ReportAttachments.ToListAsync());
    }

    [Fact]
    public async Task A_forged_follow_code_is_refused_and_no_follower_row_is_written()
    {
        await FileAsync();
        // A real open report of the same secretariat and county that the offer does not show: another problem.
        await AsReporter(() => _chat.FileReportAsync(description: "چراغ‌های خیابان امیرکبیر هر شب ساعت نه خاموش می‌شوند"));
        var preview = await PreviewAsFollowerAsync();
        Assert.DoesNotContain(Texts.FollowButton("RJ-1002"), preview.ButtonLabels);

        foreach (var forged in new[] { "RJ-1002", "rj-1001", "MD-1001" })
        {
            var refused = await _chat.Press("f:" + forged);
            Assert.Equal(Texts.FollowNotOffered, refused.Texts[0]);
            Assert.StartsWith(preview.Last.Text[..40], refused.Last.Text); // the preview again, to go on from
        }

        await using (var db = _chat.Db())
        {
            Assert.Empty(await db.ReportFollowers.ToListAsync());
            Assert.DoesNotContain(ReportEventKind.Followed, await db.ReportEvents.Select(e => e.Kind).ToListAsync());
            Assert.Equal(2, await db.Reports.CountAsync());
            Assert.Equal("Preview", (await db.Conversations.SingleAsync(c => c.ChatId == Follower)).State);
        }

        // The offered one still may be followed.
        Assert.Equal([Texts.Following("RJ-1001")], (await _chat.Press("f:RJ-1001")).Texts);
    }

    [Fact]
    public async Task An_anonymous_reports_reporter_is_never_shown_to_its_follower()
    {
        await FileAsync(anonymous: true);
        var seen = new List<string>();
        var preview = await PreviewAsFollowerAsync();
        seen.Add(preview.Last.Text);
        await _chat.Press("f:RJ-1001");
        seen.AddRange((await Staff("/stage RJ-1001 solution")).To(Follower).Select(m => m.Text));
        _chat.As = ("telegram", Rajaei, "کارشناس");
        seen.AddRange((await _chat.CloseConfirmedAsync($"/close RJ-1001 rejected {StaffReason}")).To(Follower).Select(m => m.Text));
        seen.Add((await AsFollower(() => _chat.Say("/myreports"))).Last.Text);
        seen.Add((await AsFollower(() => _chat.Say("RJ-1001"))).Last.Text);

        Assert.Equal(5, seen.Count);
        Assert.Contains(seen, t => t.Contains("نتیجه: رد شد"));
        foreach (var text in seen)
        {
            AssertNothingPrivate(text);
            Assert.DoesNotContain(Texts.Anonymous, text); // not even that there is a name withheld
        }
    }
}
