using System.Net;
using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Tests.Infrastructure;

public sealed class RateLimitingHostingExtensionsTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void AddressKey_Address_WholeIPv4OrIPv6Network(string address, string key)
    {
        Assert.Equal(key, RateLimitingHostingExtensions.AddressKey(IPAddress.Parse(address)));
    }

    [Fact]
    public void AddressKey_NoAddress_SharedUnknownBucket()
    {
        Assert.Equal("unknown", RateLimitingHostingExtensions.AddressKey(null));
    }

    [Theory]
    [InlineData(30, 1, 2.0)]
    [InlineData(60, 1, 1.0)]
    [InlineData(600, 10, 1.0)]
    [InlineData(90, 2, 1.0)]
    public void Bucket_Rate_RefilledEvenly(int perMinute, int tokensPerPeriod, double periodSeconds)
    {
        var bucket = RateLimitingHostingExtensions.Bucket(new RequestRate { Burst = 5, PerMinute = perMinute });

        Assert.Equal(5, bucket.TokenLimit);
        Assert.Equal(tokensPerPeriod, bucket.TokensPerPeriod);
        Assert.Equal(TimeSpan.FromSeconds(periodSeconds), bucket.ReplenishmentPeriod);
        Assert.Equal(0, bucket.QueueLimit);
    }
}
