using Spectra.Media.Live.Internal;

namespace Spectra.Media.Tests.Live;

public sealed class TimestampRebaserTests
{
    [Fact]
    public void Rebase_FirstSource_KeepsTimestamps()
    {
        var rebaser = new TimestampRebaser();

        Assert.Equal(0u, rebaser.Rebase(0));
        Assert.Equal(5000u, rebaser.Rebase(5000));
        Assert.Equal(4000u, rebaser.Rebase(4000));
    }

    [Fact]
    public void Rebase_NextSourceRestartsAtZero_ContinuesAfterLastForwardedWithOneFrameGap()
    {
        var rebaser = new TimestampRebaser();
        rebaser.Rebase(0);
        rebaser.Rebase(10_000);

        rebaser.OnSourceChanged();

        Assert.Equal(10_000u + (uint)TimestampRebaser.ReconnectGapMs, rebaser.Rebase(0));
        Assert.Equal(10_000u + (uint)TimestampRebaser.ReconnectGapMs + 40, rebaser.Rebase(40));
    }

    [Fact]
    public void Rebase_NextSourceStartsLate_OffsetFromItsFirstTag()
    {
        var rebaser = new TimestampRebaser();
        rebaser.Rebase(2000);
        rebaser.OnSourceChanged();

        Assert.Equal(2033u, rebaser.Rebase(90_000));
        Assert.Equal(2073u, rebaser.Rebase(90_040));
    }

    [Fact]
    public void Rebase_BeforeAnyTagSourceChanged_NoOffset()
    {
        var rebaser = new TimestampRebaser();
        rebaser.OnSourceChanged();

        Assert.Equal(700u, rebaser.Rebase(700));
    }

    [Fact]
    public void Rebase_TagBeforeTheOffsetOrigin_ClampedToZero()
    {
        var rebaser = new TimestampRebaser();
        rebaser.Rebase(0);
        rebaser.OnSourceChanged();
        rebaser.Rebase(1000); // offset -967

        Assert.Equal(0u, rebaser.Rebase(500));
    }
}
