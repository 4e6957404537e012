using Spectra.Media.MpegTs.Internal;

namespace Spectra.Media.Tests.MpegTs;

public sealed class MpegTsClockTests
{
    private const long Wrap = 1L << 33;

    [Fact]
    public void Extend_AcrossThe33BitWrap_KeepsCountingForward()
    {
        var clock = default(MpegTsClock);
        Assert.Equal(0, clock.Extend(Wrap - 90_000));
        Assert.Equal(45_000, clock.Extend(Wrap - 45_000));
        Assert.Equal(90_000, clock.Extend(0));
        Assert.Equal(180_000, clock.Extend(90_000));
        Assert.Equal(3_000u, MpegTsClock.ToMilliseconds(clock.Extend(180_000)));
    }

    [Fact]
    public void Extend_ValueSlightlyBehind_IsNegativeAndClampedToZeroMilliseconds()
    {
        var clock = default(MpegTsClock);
        clock.Extend(900_000);
        long before = clock.Extend(897_000);
        Assert.Equal(-3_000, before);
        Assert.Equal(0u, MpegTsClock.ToMilliseconds(before));
    }

    [Fact]
    public void Extend_BackwardsAcrossTheWrap_IsSlightlyBehind()
    {
        var clock = default(MpegTsClock);
        clock.Extend(1_000);
        Assert.Equal(-2_000, clock.Extend(Wrap - 1_000));
    }
}
