using Assembly.Conversations.Flows;
using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Commands;

/// <summary>
/// The commands and buttons of a member's private chat: starting, the menu's four buttons, muting, proving a number,
/// being forgotten, cancelling, and the buttons under a member's own reports.
/// </summary>
public static class MemberCommands
{
    /// <summary>The data of the «راهنما» button under a stranger's help.</summary>
    public const string HelpButtonData = "help";

    private static readonly InlineKeyboard HelpKeyboard = new([[new InlineButton(Texts.HelpButton, HelpButtonData)]]);

    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("start", Need.Anyone, Places.Private, "", Texts.StartHelp, StartAsync),
        new("help", Need.Anyone, Places.Both, "", Texts.HelpHelp, HelpAsync) { Aliases = [Texts.MenuHelp], MenuText = Texts.HelpMenu },
        new("whoami", Need.Anyone, Places.Private, "", Texts.WhoAmIHelp, WhoAmI),
        new("report", Need.Member, Places.Private, "", Texts.ReportHelp,
            (c, ct) => c.Chat.StartAsync(c.Turn, c.Conversation, ReportFlow.Name, ReportFlow.InitialState, ct)) { Aliases = [Texts.MenuReport] },
        new("myreports", Need.Member, Places.Private, "", Texts.MyReportsHelp, MyReportsAsync) { Aliases = [Texts.MenuMyReports] },
        new("meetings", Need.Anyone, Places.Private, "", Texts.MeetingsHelp,
            async (c, ct) => await Meetings.MeetingDesk.ListAsync(c.Turn, c.Member, await c.ActorAsync(ct), c.Context, ct)) { Aliases = [Texts.MenuMeetings] },
        new("mute", Need.Member, Places.Private, "", Texts.MuteHelp, (c, _) => Mute(c, muted: true)),
        new("unmute", Need.Member, Places.Private, "", Texts.UnmuteHelp, (c, _) => Mute(c, muted: false)),
        new("verify", Need.Member, Places.Private, "", Texts.VerifyHelp, Verify),
        new("forget", Need.Member, Places.Private, "", Texts.ForgetHelp,
            (c, ct) => c.Chat.StartAsync(c.Turn, c.Conversation, ForgetFlow.Name, ForgetFlow.InitialState, ct, flow => ((ForgetFlow)flow).For(c.Member!.Id, described: null)))
            { Takes = Arguments.None },
        new("cancel", Need.Anyone, Places.Private, "", Texts.CancelHelp, Cancel) { Aliases = [Texts.Cancel], MenuText = Texts.CancelMenu },
    ];

    /// <summary>
    /// <c>/forget WHO</c>, an admin's, for a member. To a member it is no command of theirs (they are told to send
    /// <c>/forget</c> alone); to anybody else it is like any unknown one. A question first; the confirm button does it.
    /// </summary>
    public static Command ForgetAnother { get; } =
        new("forget", Need.Admin, Places.Private, Texts.ForgetAnotherUsage, Texts.ForgetAnotherHelp, ForgetAnotherAsync)
            { Takes = Arguments.Required, RefusedToMembers = Texts.ForgetSelfOnly };

    public static IReadOnlyList<Command> AdminCommands { get; } = [ForgetAnother];

    public static IReadOnlyList<ButtonRoute> Buttons { get; } =
    [
        new(FlowButtons.Prefix, Need.Anyone, Places.Private, (c, ct) => c.Chat.FlowButtonAsync(c.Turn, c.Conversation, ct)),
        new(HelpButtonData, Need.Anyone, Places.Private, HelpButton),
        new(MyReports.ShowPrefix, Need.Member, Places.Private, (c, ct) =>
        {
            c.Turn.AnswerButton();
            return MyReports.ShowAsync(c.Turn, c.Member!, c.Arguments[MyReports.ShowPrefix.Length..], c.Context, ct);
        }),
        new(MyReports.AddPrefix, Need.Member, Places.Private, AddAsync),
        new(ReportHistory.OlderPrefix, Need.Member, Places.Private,
            (c, ct) => ReportHistory.ShowOlderAsync(c.Turn, c.Member!, c.Arguments[ReportHistory.OlderPrefix.Length..], c.Context, ct)),
        new(Satisfaction.Prefix, Need.Member, Places.Private, (c, ct) => Satisfaction.AnswerAsync(c.Turn, c.Member!, c.Arguments, c.Context, ct)),
        new(ReporterThread.AnswerPrefix, Need.Member, Places.Private, AnswerAsync),
    ];

    /// <summary>«پاسخ به دبیرخانه» under a message about the member's report: what they send next is added to it.</summary>
    private static async Task AnswerAsync(CommandCall c, CancellationToken ct)
    {
        var code = c.Arguments[ReporterThread.AnswerPrefix.Length..];
        // Only the reporter's button: one made up for somebody else's report does nothing, and starts nothing.
        if (!await ReporterThread.IsReporterAsync(c.Turn, c.Member!, code, ct))
        {
            c.Turn.AnswerButton(Texts.StaleButton);
            return;
        }

        c.Turn.AnswerButton();
        await c.Chat.StartAsync(c.Turn, c.Conversation, AddToReportFlow.Name, AddToReportFlow.InitialState, ct, flow => ((AddToReportFlow)flow).For(code, answering: true));
    }

    /// <summary>«افزودن به این مسئله» under a member's report: what they send next, until «تمام», is added to it.</summary>
    private static async Task AddAsync(CommandCall c, CancellationToken ct)
    {
        var code = c.Arguments[MyReports.AddPrefix.Length..];
        // Checked before anything else: a button made up for another's report starts nothing and ends nothing under way.
        if (!await ReporterThread.IsReporterAsync(c.Turn, c.Member!, code, ct))
        {
            c.Turn.AnswerButton(Texts.StaleButton);
            return;
        }

        c.Turn.AnswerButton();
        await c.Chat.StartAsync(c.Turn, c.Conversation, AddToReportFlow.Name, AddToReportFlow.InitialState, ct, flow => ((AddToReportFlow)flow).For(code));
    }

    private static Task StartAsync(CommandCall c, CancellationToken ct)
    {
        if (c.Member is { } member)
        {
            if (c.Conversation is { Active: true }) PrivateChat.End(c.Conversation);
            c.Turn.Reply(Texts.WelcomeBack(member.Name), MainMenu.Keyboard);
            return Task.CompletedTask;
        }

        // Already registering: ask the question of the step they are at, without starting over.
        return c.Conversation is { Active: true, Flow: RegistrationFlow.Name }
            ? c.Chat.ContinueAsync(c.Turn, c.Conversation, null, ct)
            : c.Chat.StartAsync(c.Turn, c.Conversation, RegistrationFlow.Name, RegistrationFlow.InitialState, ct);
    }

    /// <summary>Those with a team role see their sections beside the members' help; nobody else learns they exist.</summary>
    private static async Task HelpAsync(CommandCall c, CancellationToken ct)
    {
        var actor = await c.ActorAsync(ct);
        if (actor.HasRole) c.Turn.Reply(CommandHelp.For(actor, c.Context.Assembly.Name), actor.Member is null ? null : MainMenu.Keyboard);
        else c.Turn.Reply(CommandHelp.ForMembers(c.Context.Assembly.Name), c.Member is null ? HelpKeyboard : MainMenu.Keyboard);
    }

    private static Task HelpButton(CommandCall c, CancellationToken ct)
    {
        c.Turn.AnswerButton();
        c.Turn.Reply(CommandHelp.ForMembers(c.Context.Assembly.Name), c.Member is null ? null : MainMenu.Keyboard);
        return Task.CompletedTask;
    }

    private static Task WhoAmI(CommandCall c, CancellationToken ct)
    {
        // In the very form /grant takes, in a fixed-width font that a tap copies.
        var account = new Organisation.AccountRef(c.Turn.In.Messenger, c.Turn.In.From!.UserId).ToString();
        c.Turn.Reply(Texts.WhoAmI(account), c.Member is null ? null : MainMenu.Keyboard, [account]);
        return Task.CompletedTask;
    }

    private static Task MyReportsAsync(CommandCall c, CancellationToken ct)
    {
        if (c.Conversation is { Active: true }) PrivateChat.End(c.Conversation);
        return MyReports.ListAsync(c.Turn, c.Member!, c.Context, ct);
    }

    internal static Task Mute(CommandCall c, bool muted)
    {
        c.Member!.MutedAnnouncements = muted;
        c.Turn.Reply(muted ? Texts.Muted : Texts.Unmuted, MainMenu.Keyboard);
        return Task.CompletedTask;
    }

    private static Task Verify(CommandCall c, CancellationToken ct)
    {
        if (c.Conversation is { Active: true }) PrivateChat.End(c.Conversation);
        c.Turn.Reply(Texts.AskVerify, new ReplyKeyboard([[Texts.ShareMyNumber], [Texts.Cancel]], RequestContactOnFirst: true));
        return Task.CompletedTask;
    }

    /// <summary>Also the «لغو» of a reply keyboard, with no conversation to hold it.</summary>
    private static Task Cancel(CommandCall c, CancellationToken ct)
    {
        if (c.Conversation is { Active: true }) PrivateChat.Cancel(c.Turn, c.Conversation, c.Member);
        else c.Turn.Reply(Texts.NothingToCancel, c.Member is null ? null : MainMenu.Keyboard);
        return Task.CompletedTask;
    }

    private static async Task ForgetAnotherAsync(CommandCall c, CancellationToken ct)
    {
        if (await ForgetTarget.FindAsync(c.Turn, c.Arguments, ct) is { } target)
            await c.Chat.StartAsync(c.Turn, c.Conversation, ForgetFlow.Name, ForgetFlow.InitialState, ct, flow => ((ForgetFlow)flow).For(target.Id, target.Described));
    }
}
