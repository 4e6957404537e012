using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Packaging;

namespace Spectra.Bench.Media;

/// <summary>The golden 4 s 640x360 H.264+AAC fragmented MP4 of the media tests, and helpers.</summary>
internal static class BenchData
{
    public static readonly RenditionInfo Rendition = new("360p", 640, 360, 30, 500_000, 400_000, false);

    public static byte[] ReadGolden() =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "avc-aac-640x360-4s.mp4"));

    /// <summary>Packages <paramref name="fragmentedMp4"/> into a fresh window.</summary>
    public static LiveWindow Package(byte[] fragmentedMp4, int capacity = 12)
    {
        var options = new PackagerOptions { WindowSegmentCount = capacity };
        var window = new LiveWindow(capacity, 1000);
        var packager = new CmafPackager(Rendition, window, options, TimeProvider.System, NullLogger<CmafPackager>.Instance);
        packager.RunAsync(new MemoryStream(fragmentedMp4, writable: false), CancellationToken.None).GetAwaiter().GetResult();
        return window;
    }
}
