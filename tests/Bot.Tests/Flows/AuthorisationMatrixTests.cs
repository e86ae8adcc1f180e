using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Text;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// One prepared chat for every case of the matrix: an admin, staff of two secretariats with a staff chat each, an
/// organizer, a registered reporter with one report (RJ-1001, Rajaei's) and a stranger, each having started the bot.
/// Every case starts from the database as it was prepared (<see cref="ChatHarness.Restore"/>).
/// </summary>
public sealed class MatrixChat : IAsyncLifetime
{
    public const long Admin = 1, Modarres = 101, Rajaei = 201, Organizer = 401, Reporter = 501, Stranger = 777;
    public const long RajaeiGroup = -100200, ModarresGroup = -100100, StrayGroup = -100999;

    public ChatHarness Chat { get; } = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:0:Staff:0", "telegram:101"),
        ("Assembly:Secretariats:0:StaffChats:0", "telegram:-100100"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    public async Task InitializeAsync()
    {
        Chat.As = ("telegram", Reporter, "زهرا");
        await Chat.RegisterAsync();
        await Chat.FileReportAsync(); // «آب و برق و گاز» → rajaei
        Chat.As = ("telegram", Admin, "مدیر");
        await Chat.Say("/grant telegram:401 organizer");
        // Each has started the bot, so a line can reach them in private.
        foreach (var user in new[] { Admin, Modarres, Rajaei, Organizer, Reporter, Stranger })
        {
            Chat.As = ("telegram", user, "کاربر");
            await Chat.Say("/help");
        }

        Chat.Save();
    }

    public Task DisposeAsync()
    {
        Chat.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Who may use which command where, generated from the <see cref="CommandCatalog"/>: every command × every role ×
/// private chat, own staff chat, another secretariat's staff chat and any other group. The expected answer comes from
/// the command's declared role and places, so a new command is covered without editing this test.
/// </summary>
public sealed class AuthorisationMatrixTests(MatrixChat matrix) : IClassFixture<MatrixChat>
{
    private const string Code = "RJ-1001";

    private static readonly string[] People = ["stranger", "member", "staff", "other-staff", "organizer", "admin"];

    /// <summary>Arguments that make a command do its work (a report of Rajaei's, a session that does not exist); the rest get none.</summary>
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["show"] = Code, ["reply"] = Code + " x", ["note"] = Code + " x", ["stage"] = Code + " solution",
        ["route"] = Code + " beheshti", ["close"] = Code + " rejected", ["followup"] = Code + " 1406/01/15 x",
        ["grant"] = "telegram:9 organizer", ["revoke"] = "telegram:9 organizer", ["forget"] = "telegram:9",
    };

    private ChatHarness Chat => matrix.Chat;

    /// <summary>A command as typed in the matrix: <c>/forget</c> and <c>/forget WHO</c> are two.</summary>
    private static string Typed(Command command) =>
        "/" + command.Name + (command.Takes == Arguments.None ? "" : Samples.TryGetValue(command.Name, out var args) ? " " + args
            : command.Takes == Arguments.Required ? " x" : "");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var command in CommandCatalog.Commands.Select(Typed).Distinct())
            foreach (var who in People)
                foreach (var where in new[] { "private", "own-staff-chat", "other-staff-chat", "stray-group" })
                    data.Add(command, who, where);
        return data;
    }

    private static long UserOf(string who) => who switch
    {
        "stranger" => MatrixChat.Stranger, "member" => MatrixChat.Reporter, "staff" => MatrixChat.Rajaei,
        "other-staff" => MatrixChat.Modarres, "organizer" => MatrixChat.Organizer, _ => MatrixChat.Admin,
    };

    /// <summary>This test's own reading of the roles: the reporter is the only registered member.</summary>
    private static bool Has(string who, Need need) => need switch
    {
        Need.Anyone => true,
        Need.Member => who == "member",
        Need.Staff => who is "staff" or "other-staff" or "admin",
        Need.Organizer => who is "organizer" or "admin",
        Need.Team => who is "staff" or "other-staff" or "organizer" or "admin",
        _ => who == "admin",
    };

    /// <summary>
    /// In a secretariat's staff chat only its staff (admins count as staff of every secretariat) are answered, and
    /// only for staff work: organizer and admin work is for the private chat.
    /// </summary>
    private static bool AllowedInStaffChat(Command command, string who, long group)
    {
        var staffHere = who == "admin" || (who == "staff" && group == MatrixChat.RajaeiGroup) || (who == "other-staff" && group == MatrixChat.ModarresGroup);
        return command.Places.HasFlag(Places.StaffChat) && staffHere && command.Need switch
        {
            Need.Anyone or Need.Staff or Need.Team => true,
            Need.Member => Has(who, Need.Member),
            _ => false,
        };
    }

    /// <summary>Staff work on RJ-1001 by somebody who does not work Rajaei's reports (here): told there is no such report.</summary>
    private static bool NotTheirReport(Command command, string who, string where, string typed) =>
        command.Need == Need.Staff && typed.Contains(Code, StringComparison.Ordinal) && (where, who) switch
        {
            ("private", "other-staff") => true,
            ("other-staff-chat", "admin" or "other-staff") => true,
            _ => false,
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_authorisation_matrix(string typed, string who, string where)
    {
        Chat.Restore();
        var command = CommandCatalog.Commands.First(c => Typed(c) == typed);
        var name = "/" + command.Name;
        var user = UserOf(who);
        Chat.As = ("telegram", user, who);

        if (where == "private")
        {
            var reply = await Chat.Say(typed);
            var refusal = command.Need == Need.Member ? Texts.RegisterFirst
                : who == "member" && command.RefusedToMembers is { } told ? told
                : Texts.UnknownCommand(name);
            var expected = !Has(who, command.Need) ? "refused" : NotTheirReport(command, who, where, typed) ? "unknown-code" : "answered";
            var actual = reply.Texts.SequenceEqual([refusal]) ? "refused"
                : reply.Texts.SequenceEqual([Texts.UnknownCode]) ? "unknown-code"
                : reply.Messages.Count > 0 && !reply.Texts.Contains(Texts.UnknownCommand(name)) ? "answered"
                : "other: " + string.Join(" | ", reply.Texts);
            Assert.Equal(expected, actual);
            if (expected != "answered") await AssertUntouchedAsync();
            return;
        }

        var group = where switch { "own-staff-chat" => MatrixChat.RajaeiGroup, "other-staff-chat" => MatrixChat.ModarresGroup, _ => MatrixChat.StrayGroup };
        var said = await Chat.SayIn(group, typed);
        // "answered": in the group, and nothing to the sender's private chat; "private-line": nothing in the group and
        // one line to the sender in private; "unknown-code": the group told there is no such report.
        var allowed = where != "stray-group" && AllowedInStaffChat(command, who, group);
        var expectedHere = !allowed ? "private-line" : NotTheirReport(command, who, where, typed) ? "unknown-code" : "answered";
        var inGroup = said.To(group).Select(m => m.Text).ToList();
        var actualHere = inGroup.Count == 0 && said.To(user).Select(m => m.Text).SequenceEqual([Texts.UsePrivateChat]) ? "private-line"
            : inGroup.SequenceEqual([Texts.UnknownCode]) ? "unknown-code"
            : inGroup.Count > 0 && !said.To(user).Any(m => m.Text == Texts.UsePrivateChat) ? "answered"
            : "other: " + string.Join(" | ", inGroup);
        Assert.Equal(expectedHere, actualHere);
        Assert.DoesNotContain(said.To(group), m => m.Text.Contains("۰۹۱۲۱۲۳۴۵۶۷")); // the reporter's number never reaches a group
        if (expectedHere != "answered") await AssertUntouchedAsync();
    }

    /// <summary>Nothing done: the report has only its «created» event and the only grant is the organizer's.</summary>
    private async Task AssertUntouchedAsync()
    {
        await using var db = Chat.Db();
        Assert.Equal(1, await db.ReportEvents.CountAsync());
        Assert.Equal(1, await db.RoleGrants.CountAsync(g => g.RevokedAt == null));
    }

    public static TheoryData<string> Roles() => new(People);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_help_lists_exactly_the_catalogs_commands_for_the_role(string who)
    {
        Chat.Restore();
        Chat.As = ("telegram", UserOf(who), who);
        var help = (await Chat.Say("/help")).Last.Text;

        var sections = new[] { Need.Member, Need.Staff, Need.Organizer, Need.Team, Need.Admin }.Where(s => s == Need.Member || Has(who, s)).ToHashSet();
        var expected = CommandCatalog.Commands.Where(c => sections.Contains(c.Section)).Select(CommandHelp.Line).ToList();
        Assert.Equal(expected, help.Split('\n').Where(l => l.Contains('/')).ToList());
        // A line whose first letter is Latin is laid out left to right on a phone, its Persian out of order.
        Assert.All(help.Split('\n'), l => Assert.False(l.FirstOrDefault(char.IsLetter) is >= 'A' and <= 'z', l));
    }

    /// <summary>
    /// A card is kept current only in a private chat of someone who works the report's secretariat now: opened by its
    /// staff or an admin it is followed; routed to Beheshti's, the Rajaei staff member's copy and Rajaei's staff chat
    /// hear nothing more, and only the admin's copy (admins work every secretariat) still follows it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_card_opened_in_private_is_followed_only_while_its_reader_works_the_reports_secretariat(string who)
    {
        Chat.Restore();
        var user = UserOf(who);
        Chat.As = ("telegram", user, who);
        await Chat.PressData("st:open:" + Code);
        Chat.As = ("telegram", MatrixChat.Admin, "admin");
        var staged = await Chat.Say($"/stage {Code} solution");
        Assert.Equal(who is "staff" or "admin", staged.Messages.OfType<Conversations.Messages.TextEdit>().Any(m => m.To.ChatId == user));

        await Chat.Say($"/route {Code} beheshti");
        var after = await Chat.Say($"/stage {Code} followup");
        var edited = after.Messages.OfType<Conversations.Messages.TextEdit>().Select(m => m.To.ChatId).ToList();
        Assert.Equal(who == "admin" ? [MatrixChat.Admin] : [], edited);
    }

    public static TheoryData<string> Aliases() => new(CommandCatalog.Commands.SelectMany(c => c.Aliases));

    [Theory]
    [MemberData(nameof(Aliases))]
    public async Task A_persian_alias_does_what_its_command_does(string alias)
    {
        var command = CommandCatalog.ByAlias(alias)!;
        foreach (var who in new[] { "stranger", "member", "staff" })
        {
            Chat.Restore();
            Chat.As = ("telegram", UserOf(who), who);
            var typed = await Chat.Say(alias);
            Chat.Restore();
            var named = await Chat.Say("/" + command.Name);

            Assert.NotEmpty(named.Messages);
            Assert.Equal(named.Texts, typed.Texts);
            Assert.Equal(named.Messages.Select(Buttons), typed.Messages.Select(Buttons));
        }
    }

    /// <summary>The buttons under a message, by label and data.</summary>
    private static string Buttons(Conversations.Messages.OutgoingMessage message) => (message as Conversations.Messages.TextMessage)?.Keyboard switch
    {
        Conversations.Messages.InlineKeyboard inline => "inline: " + string.Join(", ", inline.Rows.SelectMany(r => r).Select(b => b.Label + "=" + b.Data)),
        Conversations.Messages.ReplyKeyboard reply => "reply: " + string.Join(", ", reply.Rows.SelectMany(r => r)),
        var other => other?.GetType().Name ?? "none",
    };
}
