using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;

namespace Assembly.Bot.Tests.Flows;

/// <summary>Files with members' data leave only for the private chat of whoever asked, wherever they asked.</summary>
public sealed class TeamFilesTests : IAsyncLifetime
{
    private const long Rajaei = 201, Admin = 1, StaffGroup = -100200, StrayGroup = -100999;

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", 501, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_export_asked_in_the_staff_chat_goes_to_the_askers_private_chat_and_the_group_hears_only_that()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        await _chat.Say("/help"); // the staff member has started the bot

        var reply = await _chat.SayIn(StaffGroup, "/export");
        Assert.Equal([Texts.StatsSentPrivately], reply.To(StaffGroup).Select(m => m.Text));
        Assert.DoesNotContain(reply.Messages, m => m.To.ChatId == StaffGroup && m is UploadMessage);
        var files = reply.Messages.OfType<UploadMessage>().ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(new ChatAddress("telegram", Rajaei), f.To));
    }

    [Fact]
    public async Task An_export_asked_in_the_staff_chat_by_somebody_who_never_started_the_bot_sends_no_data_anywhere()
    {
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var reply = await _chat.SayIn(StaffGroup, "/export");
        Assert.Equal([Texts.StatsNeedPrivateChat], reply.To(StaffGroup).Select(m => m.Text));
        Assert.Single(reply.Messages);
    }

    [Fact]
    public async Task An_export_asked_in_a_stray_group_by_an_admin_sends_nothing_there()
    {
        _chat.As = ("telegram", Admin, "مدیر");
        await _chat.Say("/help");
        var reply = await _chat.SayIn(StrayGroup, "/export");
        Assert.Empty(reply.To(StrayGroup));
        Assert.Equal([Texts.UsePrivateChat], reply.To(Admin).Select(m => m.Text));
        Assert.Empty(reply.Messages.OfType<UploadMessage>());
    }
}
