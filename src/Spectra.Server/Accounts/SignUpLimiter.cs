using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Spectra.Server.Accounts;

/// <summary>
/// Sign-up attempts per client address: a fixed one-hour window of
/// <see cref="AccountOptions.SignUpsPerAddressPerHour"/> (System.Threading.RateLimiting). In memory, per node.
/// </summary>
internal sealed class SignUpLimiter(IOptions<AccountOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignUpsPerAddressPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one attempt for <paramref name="address"/>; false (with the wait when known) when its allowance is used up.</summary>
    public bool TryAcquire(IPAddress? address, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(address ?? IPAddress.None);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
