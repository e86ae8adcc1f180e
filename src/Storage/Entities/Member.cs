namespace Assembly.Storage.Entities;

/// <summary>A person who reports problems. One member may reach the bot from several messengers (<see cref="Account"/>).</summary>
public sealed class Member
{
    public int Id { get; init; }
    /// <summary>Empty once the member is forgotten (<see cref="ForgottenAt"/>).</summary>
    public required string Name { get; set; }

    /// <summary>
    /// Normalised, like <c>+989121234567</c>; null when the member was forgotten, or lost a typed number to the person
    /// who proved it theirs by sharing their contact.
    /// </summary>
    public string? Phone { get; set; }

    /// <summary>
    /// True when the number came from the member's own shared contact. Only a verified number matches a
    /// <c>phone:</c> grant or links a second account: a typed one is a claim anyone could make.
    /// </summary>
    public bool PhoneVerified { get; set; }

    /// <summary>When the member asked to be forgotten: name, number and chat links are gone; their reports stay, anonymous.</summary>
    public DateTime? ForgottenAt { get; set; }
    public required string County { get; set; }
    public string? WorkingGroup { get; set; }
    public DateTime CreatedAt { get; init; }

    /// <summary>Wants no announcements (session notices they answered and notices of their own reports still come).</summary>
    public bool MutedAnnouncements { get; set; }
    public List<Account> Accounts { get; init; } = [];
}

/// <summary>One member's identity on one messenger; the private chat with them is where their notices go.</summary>
public sealed class Account
{
    public required string Messenger { get; init; }
    public required long UserId { get; init; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
    public long ChatId { get; set; }
    public DateTime LinkedAt { get; init; }
}
