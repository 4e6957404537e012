using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Accounts;

/// <summary>Configuration section "Accounts": sign-up policy, sign-in back-off, sessions.</summary>
internal sealed class AccountOptions : IValidatableObject
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// Who may create an account on the sign-up page. Default <see cref="SignUpPolicy.InviteOnly"/>.
    /// The set-up code printed at first start (while there is no admin) is accepted under every policy.
    /// Accounts__SignUp.
    /// </summary>
    public SignUpPolicy SignUp { get; set; } = SignUpPolicy.InviteOnly;

    /// <summary>Sign-up attempts one client address may make per hour (fixed window). Default 10. Accounts__SignUpsPerAddressPerHour.</summary>
    [Range(1, 100_000)]
    public int SignUpsPerAddressPerHour { get; set; } = 10;

    /// <summary>Failed sign-ins on one account before the back-off starts. Default 5. Accounts__MaxFailedSignIns.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>
    /// First wait of the back-off (per account and per address); each further failure doubles it.
    /// Default 1 second. Accounts__BackoffBase.
    /// </summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait one account's back-off reaches. Short on purpose: anyone who knows a user name can
    /// fail sign-ins on it, and the owner should never wait long. Default 1 minute. Accounts__MaxAccountBackoff.
    /// </summary>
    public TimeSpan MaxAccountBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins from one IP address before that address's back-off starts. Default 20.</summary>
    [Range(1, 10_000)]
    public int MaxFailedSignInsPerIp { get; set; } = 20;

    /// <summary>Longest wait one address's back-off reaches. Default 15 minutes. Accounts__MaxAddressBackoff.</summary>
    public TimeSpan MaxAddressBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failure counts (per account and per address) are forgotten after this long without a failure.
    /// Default 15 minutes. Accounts__IpWindow.
    /// </summary>
    public TimeSpan IpWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in cookie and session lifetime (sliding). Default 14 days. Accounts__CookieLifetime.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How often open connections (chat hub, notifications socket) are checked against the database, so
    /// a password change, an admin change made by the CLI or a sign-out on another node closes them.
    /// Privileged hub calls are checked every time. Default 30 seconds. Accounts__ConnectionRevalidationInterval.
    /// </summary>
    public TimeSpan ConnectionRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value, min, max) in new[]
        {
            (nameof(BackoffBase), BackoffBase, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
            (nameof(MaxAccountBackoff), MaxAccountBackoff, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1)),
            (nameof(MaxAddressBackoff), MaxAddressBackoff, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1)),
            (nameof(IpWindow), IpWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7)),
            (nameof(CookieLifetime), CookieLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(365)),
            (nameof(ConnectionRevalidationInterval), ConnectionRevalidationInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
        })
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"Accounts:{name} must be between {min} and {max}.", [name]);
            }
        }

        if (!Enum.IsDefined(SignUp))
        {
            yield return new ValidationResult("Accounts:SignUp must be Open, InviteOnly, Approval or Closed.", [nameof(SignUp)]);
        }
    }
}
