using Spectra.Server.Chat.Internal.Limits;

namespace Spectra.Server.Tests.Chat.Internal.Limits;

public class TokenBucketTests
{
    private const long Frequency = 1_000;

    [Fact]
    public void TryTake_BurstThenEmpty_RefusesWithRetryAfter()
    {
        var bucket = new TokenBucket(3, 2, nowTicks: 0);
        Assert.True(bucket.TryTake(0, Frequency, out _));
        Assert.True(bucket.TryTake(0, Frequency, out _));
        Assert.True(bucket.TryTake(0, Frequency, out _));
        Assert.False(bucket.TryTake(0, Frequency, out var retry));
        Assert.Equal(TimeSpan.FromMilliseconds(500), retry);
    }

    [Fact]
    public void TryTake_AfterRefillTime_AllowsAgain()
    {
        var bucket = new TokenBucket(1, 2, nowTicks: 0);
        Assert.True(bucket.TryTake(0, Frequency, out _));
        Assert.False(bucket.TryTake(250, Frequency, out _));
        Assert.True(bucket.TryTake(500, Frequency, out _));
    }

    [Fact]
    public void TryTake_LongIdle_RefillsOnlyToCapacity()
    {
        var bucket = new TokenBucket(2, 10, nowTicks: 0);
        var allowed = 0;
        for (var i = 0; i < 10; i++)
        {
            allowed += bucket.TryTake(1_000_000, Frequency, out _) ? 1 : 0;
        }

        Assert.Equal(2, allowed);
    }

    [Fact]
    public void Constructor_ZeroRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(1, 0, 0));
    }
}
