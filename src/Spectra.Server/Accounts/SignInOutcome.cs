using Spectra.Data.Entities.Accounts;

namespace Spectra.Server.Accounts;

internal enum SignInStatus
{
    Succeeded,
    InvalidCredentials,
    AccountLocked,
    AddressThrottled,

    /// <summary>Right password, but the account awaits an admin's approval (sign-up policy Approval).</summary>
    PendingApproval,
}

/// <summary>Result of a sign-in attempt; <see cref="RetryAfter"/> is set when locked or throttled.</summary>
internal sealed record SignInOutcome(SignInStatus Status, User? User = null, TimeSpan? RetryAfter = null)
{
    public string Message => Status switch
    {
        SignInStatus.Succeeded => "Signed in.",
        SignInStatus.InvalidCredentials => "Wrong user name or password.",
        SignInStatus.AccountLocked => $"Too many failed sign-ins for this account. Try again in {Wait(RetryAfter)}.",
        SignInStatus.AddressThrottled => $"Too many failed sign-ins from your network. Try again in {Wait(RetryAfter)}.",
        SignInStatus.PendingApproval => "Your account is waiting for an admin's approval.",
        _ => "Sign-in failed.",
    };

    private static string Wait(TimeSpan? span)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((span ?? TimeSpan.Zero).TotalSeconds));
        if (seconds < 60)
        {
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }

        var minutes = Math.Max(1, (int)Math.Ceiling((span ?? TimeSpan.Zero).TotalMinutes));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
