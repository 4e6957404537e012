namespace Spectra.Data.Entities.Accounts;

/// <summary>
/// One signed-in browser. The sign-in cookie carries the session's id; every request checks that the
/// row exists and is not revoked, so signing out (or "sign out everywhere") ends the session on the
/// server and a copied cookie stops working at once.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Last request seen on the session (updated at most every few minutes).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>When the session was signed out; null while it is active.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>The browser's User-Agent at sign-in, cut to 200 characters (shown on the settings page).</summary>
    public string UserAgent { get; set; } = "";

    /// <summary>Client address at sign-in (after trusted proxies), shown on the settings page.</summary>
    public string Address { get; set; } = "";
}
