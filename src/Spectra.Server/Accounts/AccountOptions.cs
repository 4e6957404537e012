using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Accounts;

/// <summary>Configuration section "Accounts": sign-in throttling.</summary>
internal sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Failed sign-ins on one account before it is locked. Default 5. Accounts__MaxFailedSignIns.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in. Default 5 minutes. Accounts__LockoutDuration.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed sign-ins from one IP address within <see cref="IpWindow"/> before that address is refused. Default 20.</summary>
    [Range(1, 10_000)]
    public int MaxFailedSignInsPerIp { get; set; } = 20;

    /// <summary>Sliding window for the per-IP count. Default 15 minutes. Accounts__IpWindow.</summary>
    public TimeSpan IpWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in cookie lifetime (sliding). Default 14 days. Accounts__CookieLifetime.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(14);
}
