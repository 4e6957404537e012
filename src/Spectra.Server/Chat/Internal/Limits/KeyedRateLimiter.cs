using System.Collections.Concurrent;

namespace Spectra.Server.Chat.Internal.Limits;

/// <summary>
/// One token bucket per key (for example "user:{id}:SendMessage" or "ip:{address}:*").
/// Buckets idle for longer than <see cref="IdleLifetime"/> are dropped by <see cref="Sweep"/>,
/// which bounds memory under connections from many addresses.
/// </summary>
internal sealed class KeyedRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    public static TimeSpan IdleLifetime { get; } = TimeSpan.FromMinutes(5);

    public int Count => _buckets.Count;

    /// <summary>Takes one token from the bucket of <paramref name="key"/>, creating it full.</summary>
    public bool TryAcquire(string key, RateLimitRule rule, out TimeSpan retryAfter)
    {
        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, static (_, state) => new TokenBucket(state.rule.Burst, state.rule.PerSecond, state.now), (rule, now));
        return bucket.TryTake(now, time.TimestampFrequency, out retryAfter);
    }

    /// <summary>Removes buckets unused for <see cref="IdleLifetime"/> (a full bucket then anyway).</summary>
    public void Sweep()
    {
        var now = time.GetTimestamp();
        var idleTicks = (long)(IdleLifetime.TotalSeconds * time.TimestampFrequency);
        foreach (var (key, bucket) in _buckets)
        {
            if (now - bucket.LastUsedTicks > idleTicks)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }
}
