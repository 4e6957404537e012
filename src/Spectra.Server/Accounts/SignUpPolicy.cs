namespace Spectra.Server.Accounts;

/// <summary>Who may create an account on the sign-up page (Accounts:SignUp).</summary>
internal enum SignUpPolicy
{
    /// <summary>Anyone (rate-limited per address).</summary>
    Open,

    /// <summary>Only with an invite code from an admin (<c>invite create</c>).</summary>
    InviteOnly,

    /// <summary>Anyone, but the account cannot sign in until an admin approves it (<c>user approve NAME</c>).</summary>
    Approval,

    /// <summary>Nobody; admins create accounts with <c>user create</c>.</summary>
    Closed,
}
