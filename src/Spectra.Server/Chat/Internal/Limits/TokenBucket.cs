namespace Spectra.Server.Chat.Internal.Limits;

/// <summary>
/// A token bucket: holds up to <see cref="Capacity"/> tokens, refilled continuously at
/// <see cref="TokensPerSecond"/>. Each call costs one token. Thread-safe.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private double _tokens;
    private long _lastRefillTicks;

    /// <param name="capacity">Burst size, at least 1.</param>
    /// <param name="tokensPerSecond">Sustained rate, greater than 0.</param>
    /// <param name="nowTicks">Current time in <see cref="TimeProvider"/> timestamp ticks.</param>
    public TokenBucket(double capacity, double tokensPerSecond, long nowTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerSecond);
        Capacity = capacity;
        TokensPerSecond = tokensPerSecond;
        _tokens = capacity;
        _lastRefillTicks = nowTicks;
    }

    public double Capacity { get; }

    public double TokensPerSecond { get; }

    /// <summary>Timestamp of the last call, used to drop idle buckets.</summary>
    public long LastUsedTicks { get; private set; }

    /// <summary>Takes one token if there is one.</summary>
    /// <param name="nowTicks">Current time in timestamp ticks.</param>
    /// <param name="ticksPerSecond">Frequency of the timestamp (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    /// <param name="retryAfter">When refused: how long until a token is available.</param>
    public bool TryTake(long nowTicks, long ticksPerSecond, out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            LastUsedTicks = nowTicks;
            var elapsed = Math.Max(0, nowTicks - _lastRefillTicks) / (double)ticksPerSecond;
            _tokens = Math.Min(Capacity, _tokens + (elapsed * TokensPerSecond));
            _lastRefillTicks = nowTicks;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / TokensPerSecond);
            return false;
        }
    }
}
