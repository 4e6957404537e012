using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Packaging;

public sealed class CmafPackagerTests
{
    [Fact]
    public async Task RunAsync_GoldenAvcAac_CutsOneSecondSegmentsAtKeyframes()
    {
        var (packager, window, logs) = Packagers.Create();

        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var segments = window.Snapshot.Segments;
        Assert.Equal(4, segments.Count);
        Assert.Equal([100L, 101, 102, 103], segments.Select(s => s.Sequence));
        foreach (var segment in segments.Take(3))
        {
            Assert.Equal(TimeSpan.FromSeconds(1), segment.Duration);
            Assert.True(segment.Fragments[0].IsIndependent);
        }

        Assert.Equal("avc1.64001e,mp4a.40.2", window.CurrentInit!.Codecs);
        Assert.Empty(logs.Errors);
    }
}
