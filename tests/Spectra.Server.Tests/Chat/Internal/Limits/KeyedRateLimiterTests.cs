using Spectra.Server.Chat.Internal.Limits;

namespace Spectra.Server.Tests.Chat.Internal.Limits;

public class KeyedRateLimiterTests
{
    [Fact]
    public void TryAcquire_SeparateKeys_SeparateBuckets()
    {
        var limiter = new KeyedRateLimiter(new ManualTime());
        var rule = new RateLimitRule(1, 1);
        Assert.True(limiter.TryAcquire("a", rule, out _));
        Assert.False(limiter.TryAcquire("a", rule, out _));
        Assert.True(limiter.TryAcquire("b", rule, out _));
    }

    [Fact]
    public void Sweep_IdleBuckets_Removed()
    {
        var time = new ManualTime();
        var limiter = new KeyedRateLimiter(time);
        limiter.TryAcquire("a", new RateLimitRule(1, 1), out _);
        time.Advance(KeyedRateLimiter.IdleLifetime + TimeSpan.FromSeconds(1));
        limiter.TryAcquire("b", new RateLimitRule(1, 1), out _);
        limiter.Sweep();
        Assert.Equal(1, limiter.Count);
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
