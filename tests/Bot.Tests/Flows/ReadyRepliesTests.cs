using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Ready-made replies: the tests' organisation gives the Rajaei secretariat two in its settings; staff add and
/// remove their own with /ready; after «پاسخ» all are offered, and the one chosen is sent as is or changed.
/// </summary>
public sealed class ReadyRepliesTests : IAsyncLifetime
{
    private const long Rajaei = 201, Modarres = 101, Reporter = 501;
    private const string Received = "مسئله شما دریافت شد و در دست بررسی است. نتیجه را به شما خبر می‌دهیم.";
    private const string Address = "برای بررسی دقیق‌تر، لطفاً نشانی دقیق محل را بنویسید.";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:0:Staff:0", "telegram:101"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(); // RJ-1001
        _chat.As = ("telegram", Rajaei, "کارشناس");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private static IReadOnlyList<InlineButton> Buttons(TextMessage message) => ((InlineKeyboard)message.Keyboard!).Rows.SelectMany(r => r).ToList();

    [Fact]
    public async Task After_reply_the_ready_replies_are_offered_and_the_chosen_one_is_sent_as_it_is_once()
    {
        var pressed = await _chat.PressData("st:reply:RJ-1001");
        Assert.Equal([Texts.ReadyRepliesOffer("RJ-1001"), Texts.AskStaffReply("RJ-1001")], pressed.Texts); // the prompt stays last
        var offer = pressed.To(Rajaei)[0];
        Assert.Equal(["rr:pick:RJ-1001:c0", "rr:pick:RJ-1001:c1"], Buttons(offer).Select(b => b.Data));
        Assert.All(Buttons(offer), b => Assert.True(b.Label.Length <= 40));

        var chosen = await _chat.PressData("rr:pick:RJ-1001:c1");
        Assert.Equal(Texts.ReadyReplyChosen("RJ-1001", Address), chosen.Last.Text);
        Assert.Equal([Texts.ReadySendButton, Texts.HeldDropButton], chosen.ButtonLabels);
        Assert.Empty(chosen.To(Reporter));

        var sent = await _chat.PressUnder(chosen.IdOfLastTo(Rajaei), "rr:send:RJ-1001");
        Assert.Equal(Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", Address), sent.To(Reporter).Single().Text);
        Assert.Equal(Texts.StaleButton, (await _chat.PressUnder(chosen.IdOfLastTo(Rajaei), "rr:send:RJ-1001")).Answer!.Notice);
        await using var db = _chat.Db();
        Assert.Single(await db.ReportEvents.Where(e => e.Kind == ReportEventKind.Replied).ToListAsync());
    }

    [Fact]
    public async Task A_chosen_reply_can_be_changed_before_it_is_sent_or_dropped()
    {
        var chosen = await _chat.PressData("rr:pick:RJ-1001:c0");
        var changed = await _chat.Send(IncomingKind.Text, m => m with { Text = Received + " تا پایان هفته خبر می‌دهیم.", ReplyToMessageId = chosen.IdOfLastTo(Rajaei) });
        Assert.Equal(Texts.ToReporterReply("RJ-1001", "دبیرخانه شهید رجایی", Received + " تا پایان هفته خبر می‌دهیم."), changed.To(Reporter).Single().Text);
        Assert.Equal(Texts.StaleButton, (await _chat.PressUnder(chosen.IdOfLastTo(Rajaei), "rr:send:RJ-1001")).Answer!.Notice); // sent once, changed

        var again = await _chat.PressData("rr:pick:RJ-1001:c0");
        var dropped = await _chat.PressUnder(again.IdOfLastTo(Rajaei), "rr:drop:RJ-1001");
        Assert.Equal([Texts.HeldDropped], dropped.Texts);
        Assert.Empty(dropped.To(Reporter));
    }

    [Fact]
    public async Task Staff_add_list_and_remove_their_own_and_an_empty_one_is_refused()
    {
        Assert.Equal([Texts.ReadyReplyEmpty], (await _chat.Say("/ready افزودن")).Texts);
        Assert.Equal([Texts.ReadyReplyEmpty], (await _chat.Say("/ready add    ")).Texts);
        Assert.Equal([Texts.ReadyReplyAdded(1, "دبیرخانه شهید رجایی")], (await _chat.Say("/ready افزودن اداره آب تا فردا پاسخ می‌دهد.")).Texts);

        var list = Assert.Single((await _chat.Say("/ready")).Texts);
        Assert.Equal(Texts.ReadyRepliesList("دبیرخانه شهید رجایی", [(null, Received), (null, Address), ("1", "اداره آب تا فردا پاسخ می‌دهد.")]) + "\n\n" + Texts.ReadyHowTo, list);
        Assert.Contains("۱. اداره آب تا فردا پاسخ می‌دهد.", list);
        var offer = (await _chat.PressData("st:reply:RJ-1001")).To(Rajaei)[0];
        Assert.Equal("rr:pick:RJ-1001:1", Buttons(offer)[2].Data);

        // Another secretariat's staff neither see nor remove it.
        _chat.As = ("telegram", Modarres, "کارشناس");
        Assert.Equal([Texts.ReadyReplyNotFound], (await _chat.Say("/ready حذف ۱")).Texts);
        Assert.DoesNotContain("اداره آب", Assert.Single((await _chat.Say("/ready")).Texts));

        _chat.As = ("telegram", Rajaei, "کارشناس");
        Assert.Equal([Texts.ReadyReplyNotFound], (await _chat.Say("/ready حذف یک")).Texts);
        Assert.Equal([Texts.ReadyReplyRemoved(1)], (await _chat.Say("/ready حذف ۱")).Texts);
        Assert.Equal(2, Buttons((await _chat.PressData("st:reply:RJ-1001")).To(Rajaei)[0]).Count);
        Assert.Equal(Texts.StaleButton, (await _chat.PressData("rr:pick:RJ-1001:1")).Answer!.Notice);
    }

    [Fact]
    public async Task Staff_of_two_secretariats_name_the_one_in_persian_and_are_told_the_persian_names()
    {
        using var chat = new ChatHarness(("Assembly:Secretariats:0:Staff:0", "telegram:301"), ("Assembly:Secretariats:1:Staff:0", "telegram:301"));
        chat.As = ("telegram", 301, "کارشناس");

        var asked = Assert.Single((await chat.Say("/ready افزودن اداره آب تا فردا پاسخ می‌دهد.")).Texts);
        Assert.Equal(Texts.ReadyWhichSecretariat(["مدرس", "رجایی"]), asked);
        Assert.DoesNotContain("rajaei", asked);
        Assert.Contains("«مدرس» یا «رجایی»", asked);

        Assert.Equal([Texts.ReadyReplyAdded(1, "دبیرخانه شهید رجایی")], (await chat.Say("/ready افزودن شهید رجایی اداره آب تا فردا پاسخ می‌دهد.")).Texts);
        Assert.Equal([Texts.ReadyReplyAdded(2, "دبیرخانه شهید مدرس")], (await chat.Say("/ready افزودن مدرس لایحه در کمیسیون است.")).Texts);
        Assert.Equal([Texts.ReadyReplyAdded(3, "دبیرخانه شهید رجایی")], (await chat.Say("/ready add rajaei نامه به فرمانداری فرستاده شد.")).Texts); // the key, as older hands type it
        await using var db = chat.Db();
        Assert.Equal(
            [("rajaei", "اداره آب تا فردا پاسخ می‌دهد."), ("modarres", "لایحه در کمیسیون است."), ("rajaei", "نامه به فرمانداری فرستاده شد.")],
            (await db.ReadyReplies.OrderBy(r => r.Id).ToListAsync()).Select(r => (r.Secretariat, r.Text)));
    }
}
