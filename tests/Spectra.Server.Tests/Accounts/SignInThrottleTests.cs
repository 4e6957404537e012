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
    public void TryReserve_PastLimit_WaitDoublesWithEachFailure()
    {
        var (throttle, clock) = Create(limit: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(throttle.TryReserve(Address, out _));
        }

        Assert.Null(throttle.TryReserve(Address, out var first));
        Assert.Equal(TimeSpan.FromSeconds(1), first);
        Assert.NotNull(throttle.TryReserve(IPAddress.Parse("192.0.2.8"), out _));

        clock.Advance(first);
        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.Null(throttle.TryReserve(Address, out var second));
        Assert.Equal(TimeSpan.FromSeconds(2), second);

        clock.Advance(second);
        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.Null(throttle.TryReserve(Address, out var third));
        Assert.Equal(TimeSpan.FromSeconds(4), third);
    }

    [Fact]
    public void TryReserve_ManyFailures_WaitCappedAtMaxAddressBackoff()
    {
        var (throttle, clock) = Create(limit: 1, maxBackoff: TimeSpan.FromSeconds(10));
        var last = TimeSpan.Zero;
        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(throttle.TryReserve(Address, out _));
            Assert.Null(throttle.TryReserve(Address, out last));
            clock.Advance(last);
        }

        Assert.Equal(TimeSpan.FromSeconds(10), last);
    }

    [Fact]
    public void TryReserve_QuietForTheWindow_FailuresForgotten()
    {
        var (throttle, clock) = Create(limit: 2, window: TimeSpan.FromMinutes(10));
        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.NotNull(throttle.TryReserve(Address, out _));
        Assert.Null(throttle.TryReserve(Address, out _));

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.NotNull(throttle.TryReserve(Address, out _));
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

    private static (SignInThrottle Throttle, ManualClock Clock) Create(int limit, TimeSpan? window = null, TimeSpan? maxBackoff = null)
    {
        var clock = new ManualClock();
        var options = Options.Create(new AccountOptions
        {
            MaxFailedSignInsPerIp = limit,
            IpWindow = window ?? TimeSpan.FromMinutes(15),
            BackoffBase = TimeSpan.FromSeconds(1),
            MaxAddressBackoff = maxBackoff ?? TimeSpan.FromMinutes(15),
        });
        return (new SignInThrottle(options, clock), clock);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
