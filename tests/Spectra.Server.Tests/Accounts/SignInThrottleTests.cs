using System.Net;
using Microsoft.Extensions.Options;
using Spectra.Server.Accounts;

namespace Spectra.Server.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress Address = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void TryReserve_BelowLimit_Granted()
    {
        var (throttle, _) = Create(limit: 3);
        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.NotNull(throttle.TryReserve(Address, out _));

        Assert.NotNull(throttle.TryReserve(Address, out _));
    }

    [Fact]
    public void TryReserve_AtLimit_BlocksUntilOldestAttemptLeavesTheWindow()
    {
        var (throttle, clock) = Create(limit: 3, window: TimeSpan.FromMinutes(10));
        Assert.NotNull(throttle.TryReserve(Address, out _));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.NotNull(throttle.TryReserve(Address, out _));

        Assert.Null(throttle.TryReserve(Address, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(9), retryAfter);
        Assert.NotNull(throttle.TryReserve(IPAddress.Parse("192.0.2.8"), out _));

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(throttle.TryReserve(Address, out _));
    }

    [Fact]
    public void Release_SucceededAttempt_NoLongerCounts()
    {
        var (throttle, _) = Create(limit: 2);
        var first = throttle.TryReserve(Address, out _);
        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.Null(throttle.TryReserve(Address, out _));

        throttle.Release(first!.Value);

        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.Null(throttle.TryReserve(Address, out _));
    }

    [Fact]
    public void TryReserve_ParallelAttempts_NeverGrantsMoreThanTheLimit()
    {
        var (throttle, _) = Create(limit: 20);
        var granted = 0;

        Parallel.For(0, 1000, i =>
        {
            if (throttle.TryReserve(Address, out _) is not null)
            {
                Interlocked.Increment(ref granted);
            }
        });

        Assert.Equal(20, granted);
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
