using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Packaging;

namespace Spectra.Bench.Media;

/// <summary>
/// Packager throughput: the golden 4 s file (189 KiB, 17 fragments, 4 segments) from memory through
/// CmafPackager into a window. Divide the file size by the mean for MB/s.
/// </summary>
[MemoryDiagnoser]
public class PackagingBenchmarks
{
    private byte[] _file = [];
    private PackagerOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = BenchData.ReadGolden();
        _options = new PackagerOptions();
    }

    [Benchmark(Description = "package 4 s golden fMP4 (189 KiB)")]
    public async Task<int> PackageGolden()
    {
        var window = new LiveWindow(12, 0);
        var packager = new CmafPackager(BenchData.Rendition, window, _options, TimeProvider.System, NullLogger<CmafPackager>.Instance);
        await packager.RunAsync(new MemoryStream(_file, writable: false), CancellationToken.None);
        return window.SegmentCount;
    }
}
