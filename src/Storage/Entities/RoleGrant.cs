namespace Assembly.Storage.Entities;

public enum Role
{
    /// <summary>Works the reports of one secretariat.</summary>
    Staff = 0,

    /// <summary>Announces sessions and receives escalations.</summary>
    Organizer = 1,

    /// <summary>Administers the bot, like an account of <c>Access:Admins</c>; stored when a claim code is used.</summary>
    Admin = 2,
}

/// <summary>
/// A role an admin gave with <c>/grant</c>, or the admin role taken with a claim code (<c>/claim</c>). Roles written
/// in configuration (a secretariat's <c>Staff</c>, <c>Access:Admins</c>) are read from there and never stored here.
/// </summary>
public sealed class RoleGrant
{
    public int Id { get; init; }

    /// <summary>Whom: <c>telegram:123</c>, <c>bale:456</c>, or <c>phone:+989121234567</c>.</summary>
    public required string Who { get; init; }
    public Role Role { get; init; }

    /// <summary>The secretariat's key, for staff.</summary>
    public string? Secretariat { get; init; }
    public required string GrantedBy { get; init; }
    public DateTime GrantedAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
