using Spectra.Data.Entities.Channels;

namespace Spectra.Data.Entities.Accounts;

public sealed class User
{
    public Guid Id { get; set; }

    /// <summary>Display form as typed at sign-up: 3–25 letters, digits or underscores.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Upper-invariant form of <see cref="UserName"/>; unique, so names are case-insensitively unique.</summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>ASP.NET Core Identity password hash (PBKDF2, versioned format).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Changes when credentials change; cookies carrying an older stamp are rejected.</summary>
    public string SecurityStamp { get; set; } = "";

    public bool IsAdmin { get; set; }

    /// <summary>Created under the Approval sign-up policy and not yet approved by an admin: cannot sign in.</summary>
    public bool PendingApproval { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Failed sign-ins since the last success (the back-off grows with it).</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>UTC time before which the next sign-in attempt is refused (the back-off); null when none.</summary>
    public DateTime? LockoutEnd { get; set; }

    public Channel? Channel { get; set; }
}
