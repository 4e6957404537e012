using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Spectra.Server.Community.History;

/// <summary>
/// Anonymous watch heartbeats per client address (<see cref="CommunityOptions.AnonymousHeartbeatsPerAddressPerMinute"/>,
/// token bucket from System.Threading.RateLimiting). In memory, per node.
/// </summary>
internal sealed class HeartbeatLimiter(IOptions<CommunityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ =>
        {
            var perMinute = options.Value.AnonymousHeartbeatsPerAddressPerMinute;
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = Math.Max(1, perMinute / 60),
                ReplenishmentPeriod = TimeSpan.FromSeconds(perMinute >= 60 ? 1 : 60.0 / perMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        }));

    public bool TryAcquire(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(address ?? IPAddress.None);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
