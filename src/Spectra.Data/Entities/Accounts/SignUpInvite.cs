namespace Spectra.Data.Entities.Accounts;

/// <summary>
/// A one-time sign-up code: an invite created by an admin (<c>invite create</c>), or the set-up code
/// printed at first start while the site has no admin (<see cref="GrantsAdmin"/>). Only a SHA-256 hash
/// of the code is stored.
/// </summary>
public sealed class SignUpInvite
{
    public Guid Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the code; unique.</summary>
    public string CodeHash { get; set; } = "";

    /// <summary>The account created with this code becomes a site admin (the set-up code).</summary>
    public bool GrantsAdmin { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>UTC time after which the code is refused; null for no limit.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When the code was used (or withdrawn); null while it can still be used.</summary>
    public DateTime? UsedAt { get; set; }

    public Guid? UsedByUserId { get; set; }
}
