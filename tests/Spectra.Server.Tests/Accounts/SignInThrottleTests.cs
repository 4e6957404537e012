using System.Net;
using Microsoft.Extensions.Options;
using Spectra.Server.Accounts;

namespace Spectra.Server.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress Address = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void RetryAfter_BelowLimit_IsNull()
    {
        var (throttle, _) = Create(limit: 3);
        throttle.RecordFailure(Address);
        throttle.RecordFailure(Address);

        Assert.Null(throttle.RetryAfter(Address));
    }

    [Fact]
    public void RetryAfter_AtLimit_BlocksUntilOldestFailureLeavesTheWindow()
    {
        var (throttle, clock) = Create(limit: 3, window: TimeSpan.FromMinutes(10));
        throttle.RecordFailure(Address);
        clock.Advance(TimeSpan.FromMinutes(1));
        throttle.RecordFailure(Address);
        throttle.RecordFailure(Address);

        Assert.Equal(TimeSpan.FromMinutes(9), throttle.RetryAfter(Address));
        Assert.Null(throttle.RetryAfter(IPAddress.Parse("192.0.2.8")));

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Null(throttle.RetryAfter(Address));
    }

    private static (SignInThrottle Throttle, ManualClock Clock) Create(int limit, TimeSpan? window = null)
    {
        var clock = new ManualClock();
        var options = Options.Create(new AccountOptions { MaxFailedSignInsPerIp = limit, IpWindow = window ?? TimeSpan.FromMinutes(15) });
        return (new SignInThrottle(options, clock), clock);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
