using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Hls;
using Spectra.Media.Hls.Internal;
using Spectra.Media.Packaging;

namespace Spectra.Bench.Media;

/// <summary>
/// The origin's segment handler on a reused HttpContext whose body is Stream.Null: what the
/// handler itself costs per request (lookup, headers, range, write call), without the socket.
/// The allocation column is the claim: 0 B per segment request.
/// </summary>
[MemoryDiagnoser]
public class OriginServingBenchmarks
{
    private HlsOrigin _origin = null!;
    private DefaultHttpContext _segment = null!;
    private DefaultHttpContext _range = null!;
    private DefaultHttpContext _playlist = null!;

    [GlobalSetup]
    public void Setup()
    {
        var window = BenchData.Package(BenchData.ReadGolden());
        var registry = new HlsStreamRegistry();
        registry.Publish(new HlsStream("bench", [new HlsRendition(BenchData.Rendition, window)]));
        _origin = new HlsOrigin(registry, new HlsOriginOptions(), new PackagerOptions().PartTargetDuration, TimeProvider.System, NullLogger.Instance);
        _segment = Context("1002.m4s");
        _range = Context("1002.m4s");
        _range.Request.Headers.Range = "bytes=1000-9999";
        _playlist = Context(null);
    }

    [Benchmark(Description = "GET segment (200, whole)")]
    public Task Segment()
    {
        Reset(_segment);
        return _origin.RenditionFileAsync(_segment);
    }

    [Benchmark(Description = "GET segment (206, Range)")]
    public Task SegmentRange()
    {
        Reset(_range);
        return _origin.RenditionFileAsync(_range);
    }

    [Benchmark(Description = "GET media playlist (cached render)")]
    public Task Playlist()
    {
        Reset(_playlist);
        return _origin.MediaPlaylistAsync(_playlist);
    }

    private static DefaultHttpContext Context(string? file)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        var values = new RouteValueDictionary { ["channel"] = "bench", ["rendition"] = "360p" };
        if (file is not null)
        {
            values["file"] = file;
        }

        context.Request.RouteValues = values;
        context.Response.Body = Stream.Null;
        return context;
    }

    private static void Reset(DefaultHttpContext context)
    {
        context.Response.Headers.Clear();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
