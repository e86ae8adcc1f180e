using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Every change of role queues the person's command menu in their private chat, in the same turn (the outbox), never
/// by calling the messenger: a grant, a revocation, a number proved that a grant waited for, a claim code.
/// </summary>
public sealed class RoleMenuTests : IDisposable
{
    private const long Admin = 1;

    private readonly ChatHarness _chat = new(("Access:Admins:0", "telegram:1"));

    public void Dispose() => _chat.Dispose();

    private Task<Reply> As(long user, string text)
    {
        _chat.As = ("telegram", user, "کاربر");
        return _chat.Say(text);
    }

    private static IReadOnlyList<MenuEntry>? MenuTo(Reply reply, long chat) =>
        reply.Messages.OfType<CommandMenuMessage>().SingleOrDefault(m => m.To == new ChatAddress("telegram", chat))?.Commands;

    private static Actor Person(bool admin = false, string? staffOf = null, bool organizer = false) =>
        new("telegram:0", null, admin, staffOf is null ? new HashSet<string>() : new HashSet<string> { staffOf }, organizer);

    [Fact]
    public async Task A_grant_queues_the_menu_its_roles_open_and_a_revocation_the_menu_of_what_is_left()
    {
        var staff = await As(Admin, "/grant telegram:301 کارشناس رجایی");
        Assert.Equal(CommandMenu.For(Person(staffOf: "rajaei")), MenuTo(staff, 301));
        Assert.Equal(ChatKind.Private, staff.Messages.OfType<CommandMenuMessage>().Single().ToKind);

        var organizer = await As(Admin, "/grant telegram:301 برگزارکننده");
        Assert.Equal(CommandMenu.For(Person(staffOf: "rajaei", organizer: true)), MenuTo(organizer, 301));
        Assert.Contains(MenuTo(organizer, 301)!, e => e.Name == "announce");

        var lessened = await As(Admin, "/revoke telegram:301 کارشناس رجایی");
        Assert.Equal(CommandMenu.For(Person(organizer: true)), MenuTo(lessened, 301));

        var none = await As(Admin, "/revoke telegram:301 برگزارکننده");
        Assert.Empty(MenuTo(none, 301)!);
    }

    [Fact]
    public async Task A_grant_to_a_number_waits_and_the_menu_comes_when_its_owner_proves_it()
    {
        var granted = await As(Admin, "/grant 09131234567 کارشناس مدرس");
        Assert.Empty(granted.Messages.OfType<CommandMenuMessage>());

        _chat.As = ("telegram", 601, "حسن");
        await _chat.Say("/start");
        await _chat.Say("حسن موسوی");
        await _chat.ShareContact("+989131234567");
        await _chat.Press("0");
        var registered = await _chat.Press("none");

        Assert.Equal(CommandMenu.For(Person(staffOf: "modarres")), MenuTo(registered, 601));
    }

    [Fact]
    public async Task A_member_who_registers_with_no_grant_to_their_number_queues_no_menu()
    {
        _chat.As = ("telegram", 602, "مریم");
        await _chat.Say("/start");
        await _chat.Say("مریم رضایی");
        await _chat.ShareContact("+989131234568");
        await _chat.Press("0");
        var registered = await _chat.Press("none");

        Assert.Empty(registered.Messages.OfType<CommandMenuMessage>());
    }

    [Fact]
    public async Task A_claim_code_queues_the_admins_menu_for_its_claimer()
    {
        string code;
        await using (var db = _chat.Db()) code = (await ClaimCodes.IssueAsync(db, _chat.Now, CancellationToken.None)).Code;

        var claimed = await As(900, "/claim " + code);

        Assert.Equal(CommandMenu.For(Person(admin: true)), MenuTo(claimed, 900));
    }
}
