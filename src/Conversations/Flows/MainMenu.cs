using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Flows;

/// <summary>The member's main menu: a keyboard that stays under the chat.</summary>
public static class MainMenu
{
    public static readonly ReplyKeyboard Keyboard = new([[Texts.MenuReport, Texts.MenuMyReports], [Texts.MenuMeetings, Texts.MenuHelp]]);
}
