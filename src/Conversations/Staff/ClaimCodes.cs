using System.Security.Cryptography;
using System.Text;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The one-time codes that make their first sender an admin (<c>claim-code</c> on the server, <c>/claim CODE</c> in
/// the chat). A code is twelve characters of an alphabet without look-alikes, in three groups of four
/// (<c>K7QM-3XRT-HP9W</c>): about 59 bits, which no guessing through the chat comes near, read off a terminal and
/// typed on a phone without doubt. The database keeps only its SHA-256, so every instance can check it and a copy
/// of the database gives nobody a usable code.
/// </summary>
public static class ClaimCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>No 0/O, 1/I/L: none can be mistaken for another.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Groups = 3, GroupLength = 4;

    /// <summary>Makes a code, stores its hash (valid for <see cref="Lifetime"/>) and returns the code itself, which exists nowhere else.</summary>
    public static async Task<(string Code, DateTime ExpiresAt)> IssueAsync(BotDbContext db, DateTime now, CancellationToken ct)
    {
        var code = NewCode();
        var row = new ClaimCode { Hash = Hash(code), CreatedAt = now, ExpiresAt = now + Lifetime };
        db.ClaimCodes.Add(row);
        await db.SaveChangesAsync(ct);
        return (code, row.ExpiresAt);
    }

    public static string NewCode() =>
        string.Join('-', RandomNumberGenerator.GetItems<char>(Alphabet, Groups * GroupLength).Chunk(GroupLength).Select(g => new string(g)));

    /// <summary>The hash of a code as a person typed it: any case, any digits, with or without spaces and dashes.</summary>
    public static string Hash(string typed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(typed))));

    private static string Canonical(string typed)
    {
        var sb = new StringBuilder(typed.Length);
        foreach (var c in PersianText.ToLatinDigits(typed))
            if (!char.IsWhiteSpace(c) && c is not ('-' or '_' or '.' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212'))
                sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }
}
