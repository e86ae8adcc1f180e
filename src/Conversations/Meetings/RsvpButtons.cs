using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Meetings;

/// <summary>
/// The three RSVP buttons, with the member's current answer marked (✓) wherever they are sent to that member: a
/// member who cannot see what they answered presses again to be sure.
/// </summary>
public static class RsvpButtons
{
    public const string MutePrefix = "mute:";

    /// <summary>The data of «عدم دریافت اطلاعیه‌ها» under an announcement.</summary>
    public const string MuteData = MutePrefix + "announcements";

    public static InlineKeyboard For(int meetingId, RsvpAnswer? current, bool withMute = false)
    {
        string Label(RsvpAnswer answer) => answer == current ? Texts.RsvpMarked(Texts.RsvpLabel(answer)) : Texts.RsvpLabel(answer);
        IReadOnlyList<IReadOnlyList<InlineButton>> rows =
        [
            [
                new InlineButton(Label(RsvpAnswer.Yes), $"{MeetingNotices.RsvpPrefix}{meetingId}:yes"),
                new InlineButton(Label(RsvpAnswer.Maybe), $"{MeetingNotices.RsvpPrefix}{meetingId}:maybe"),
                new InlineButton(Label(RsvpAnswer.No), $"{MeetingNotices.RsvpPrefix}{meetingId}:no"),
            ],
        ];
        return new InlineKeyboard(withMute ? [.. rows, [Mute]] : rows);
    }

    public static InlineButton Mute { get; } = new(Texts.MuteButton, MuteData);

    /// <summary>Each chat's answer to a session, by the member the chat belongs to (on every messenger they use).</summary>
    public static async Task<IReadOnlyDictionary<ChatAddress, RsvpAnswer>> ByChatAsync(BotDbContext db, int meetingId, CancellationToken ct) =>
        (await db.Rsvps.AsNoTracking().Where(r => r.MeetingId == meetingId)
            .Join(db.Accounts.AsNoTracking(), r => r.MemberId, a => a.MemberId, (r, a) => new { a.Messenger, a.ChatId, r.Answer })
            .ToListAsync(ct))
        .GroupBy(a => new ChatAddress(a.Messenger, a.ChatId)).ToDictionary(g => g.Key, g => g.First().Answer);

    /// <summary>Reads the message an RSVP button was pressed under, so its buttons can be redrawn with the answer marked.</summary>
    public static async Task<string?> PressedTextAsync(BotDbContext db, ChatAddress chat, long messageId, CancellationToken ct)
    {
        var payload = await db.Outbox.AsNoTracking()
            .Where(o => o.Messenger == chat.Messenger && o.ChatId == chat.ChatId && o.SentMessageId == messageId)
            .OrderByDescending(o => o.Id).Select(o => o.Payload).FirstOrDefaultAsync(ct);
        // The latest row is the last edit when it was answered before. Retention empties old payloads: then the text
        // is gone and the message is left as it is.
        return payload is null ? null : OutgoingJson.Read(payload) switch
        {
            TextMessage { Text.Length: > 0 } sent => sent.Text,
            TextEdit { Text.Length: > 0 } edit => edit.Text,
            _ => null,
        };
    }
}
