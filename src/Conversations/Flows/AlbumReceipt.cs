using System.Security.Cryptography;
using System.Text;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Flows;

/// <summary>What one album brought so far, kept with the conversation's answers.</summary>
public sealed class AlbumTally
{
    public string? Group { get; set; }
    public int Kept { get; set; }
    public int Refused { get; set; }
}

/// <summary>
/// One acknowledgement per album. The messenger delivers an album's files as separate messages and nothing marks
/// its end, so the first file is answered and each later one changes that same answer's count: while the answer still
/// waits in the outbox its text is rewritten there; once sent, it is edited on the phone. A pause before answering
/// would need the sender to wake at a set time and would hold every single file's answer too; editing answers at once
/// and settles on the album's full count. The files of one batch of updates are answered by one message: the writer
/// keeps the last answer of an album (<see cref="OutboxWriter"/>).
/// </summary>
public static class AlbumReceipt
{
    /// <summary>Marks an album's answer in the outbox (its subject is the album's key, not a report's code).</summary>
    public const string Action = "album";

    /// <summary>
    /// Counts this file toward its album in <paramref name="tally"/>: true when it belongs to the album already counted
    /// (its answer is to be updated), false when it starts a new one.
    /// </summary>
    public static bool Count(AlbumTally tally, string group, bool kept)
    {
        var later = tally.Group == group;
        if (!later) (tally.Group, tally.Kept, tally.Refused) = (group, 0, 0);
        if (kept) tally.Kept++;
        else tally.Refused++;
        return later;
    }

    /// <summary>Answers the album: a new message for its first file, the same message updated for the others.</summary>
    public static async Task AcknowledgeAsync(Turn turn, string group, bool later, string text, InlineKeyboard? keyboard, CancellationToken ct)
    {
        var key = Key(group);
        if (later)
        {
            var previous = await turn.Db.Outbox.AsNoTracking()
                .Where(o => o.Messenger == turn.In.Messenger && o.ChatId == turn.In.Chat.ChatId && o.SubjectAction == Action && o.Subject == key)
                .OrderByDescending(o => o.Id)
                .Select(o => new { o.Id, o.Status, o.SentMessageId, o.Payload })
                .FirstOrDefaultAsync(ct);
            if (previous is { Status: OutboxStatus.Pending })
            {
                var rewritten = OutgoingJson.Read(previous.Payload) switch
                {
                    TextEdit edit => OutgoingJson.Write(edit with { Text = text, Keyboard = keyboard }),
                    _ => OutgoingJson.Write(new TextMessage(text, keyboard)),
                };
                // Only while nobody has claimed it: a row on its way out is left alone and edited afterwards.
                var changed = await turn.Db.Outbox.Where(o => o.Id == previous.Id && o.Status == OutboxStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Payload, rewritten), ct);
                if (changed == 1) return;
            }

            if (previous?.SentMessageId is { } sent)
            {
                turn.Send(turn.In.Chat, turn.In.ChatKind, new TextEdit(sent, text, keyboard) { Subject = key, SubjectAction = Action }, OutboxPriority.Interactive);
                return;
            }
        }

        turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(text, keyboard) { Subject = key, SubjectAction = Action }, OutboxPriority.Interactive);
    }

    /// <summary>Of the album answers in one batch, only each album's last: it holds the count of all the others.</summary>
    public static IEnumerable<(OutgoingMessage Message, DateTime At)> LastOfEachAlbum(IReadOnlyList<(OutgoingMessage Message, DateTime At)> messages)
    {
        var last = new Dictionary<(ChatAddress, string), int>();
        for (var i = 0; i < messages.Count; i++)
            if (messages[i].Message is { SubjectAction: Action, Subject: { } key } album) last[(album.To, key)] = i;
        return messages.Where((m, i) => m.Message is not { SubjectAction: Action, Subject: { } key } album || last[(album.To, key)] == i);
    }

    /// <summary>A short stable key for an album (the outbox's subject column holds 16 characters).</summary>
    private static string Key(string group) => "album" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(group)))[..11];
}
