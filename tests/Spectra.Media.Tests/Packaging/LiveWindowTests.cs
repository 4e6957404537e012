using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Packaging;

public sealed class LiveWindowTests
{
    [Fact]
    public async Task Append_BeyondCapacity_EvictsOldestAndKeepsSequenceContiguous()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 3 });
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var snapshot = window.Snapshot;

        Assert.Equal(3, window.SegmentCount);
        Assert.Equal(101, snapshot.MediaSequence);
        Assert.Equal(104, snapshot.NextSequence);
        Assert.False(window.TryGetSegment(100, out _));
        Assert.True(window.TryGetSegment(103, out var latest));
        Assert.Same(window.LatestSegment, latest);
    }

    [Fact]
    public async Task Snapshot_TakenBeforeAppend_DoesNotChange()
    {
        var (packager, window, _) = Packagers.Create();
        var empty = window.Snapshot;

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        Assert.Empty(empty.Segments);
        Assert.Null(empty.CurrentInit);
        Assert.Equal(100, empty.MediaSequence);
        Assert.True(window.Snapshot.Version > empty.Version);
    }

    [Fact]
    public async Task WaitForSequenceAsync_FutureSegment_CompletesWhenAdded()
    {
        var (packager, window, _) = Packagers.Create();
        var wait = window.WaitForSequenceAsync(102, CancellationToken.None);
        Assert.False(wait.IsCompleted);

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        await window.WaitForSequenceAsync(101, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task End_WaiterForFutureSegment_ReturnsAndVersionChangesOnce()
    {
        var window = new LiveWindow(4, 0);
        var waiting = window.WaitForSequenceAsync(5, CancellationToken.None);
        var before = window.Snapshot.Version;

        window.End();
        window.End();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(window.Snapshot.Ended);
        Assert.Equal(before + 1, window.Snapshot.Version);
        await window.WaitForSequenceAsync(99, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForSequenceAsync_Cancelled_Throws()
    {
        var window = new LiveWindow(12, 0);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => window.WaitForSequenceAsync(0, cts.Token));
    }

    [Fact]
    public void Constructor_Default_SequenceStartsAtUnixMilliseconds()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var window = new LiveWindow();

        Assert.InRange(window.Snapshot.NextSequence, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(12, window.Capacity);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(1001, 0)]
    [InlineData(12, -1)]
    public void Constructor_OutOfRange_Throws(int capacity, long firstSequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LiveWindow(capacity, firstSequence));
    }
}
