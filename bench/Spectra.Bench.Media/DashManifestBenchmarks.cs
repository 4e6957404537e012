using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Dash;
using Spectra.Media.Dash.Internal;
using Spectra.Media.Hls;
using Spectra.Media.Hls.Internal;
using Spectra.Media.Packaging;

namespace Spectra.Bench.Media;

/// <summary>
/// The MPD of a four-rendition ladder with 12-segment windows (LL parts on): the request handler when the
/// MPD of the current window version is cached (every request but the first after a new segment), and a
/// full render (what the first request after each new segment pays). The goal is ≤ 1 ms per request.
/// </summary>
[MemoryDiagnoser]
public class DashManifestBenchmarks
{
    private static readonly TimeSpan PartTarget = new PackagerOptions().PartTargetDuration;
    private DashOrigin _origin = null!;
    private DefaultHttpContext _manifest = null!;
    private DashTimeline _timeline = null!;
    private DashRenditionView[] _views = null!;

    [GlobalSetup]
    public void Setup()
    {
        var golden = BenchData.ReadGolden();
        string[] names = ["source", "720p", "480p", "360p"];
        var renditions = new HlsRendition[names.Length];
        _views = new DashRenditionView[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var info = BenchData.Rendition with { Name = names[i] };
            renditions[i] = new HlsRendition(info, BenchData.Package(golden));
            _views[i] = new DashRenditionView(info, renditions[i].Window.Snapshot);
        }

        var registry = new HlsStreamRegistry();
        registry.Publish(new HlsStream("bench", renditions));
        var options = new HlsOriginOptions();
        var files = new HlsOrigin(registry, options, PartTarget, TimeProvider.System, NullLogger.Instance);
        _origin = new DashOrigin(registry, options, PartTarget, TimeProvider.System, NullLogger.Instance, files);
        _timeline = DashTimeline.Create([.. _views.Select(v => v.Snapshot)])!;
        _manifest = new DefaultHttpContext();
        _manifest.Request.Method = HttpMethods.Get;
        _manifest.Request.Scheme = "http";
        _manifest.Request.Host = new HostString("127.0.0.1", 8080);
        _manifest.Request.RouteValues = new RouteValueDictionary { ["channel"] = "bench" };
        _manifest.Response.Body = Stream.Null;
    }

    [Benchmark(Description = "GET manifest.mpd (cached for the window version)")]
    public Task Manifest()
    {
        _manifest.Response.Headers.Clear();
        _manifest.Response.StatusCode = StatusCodes.Status200OK;
        return _origin.ManifestAsync(_manifest);
    }

    [Benchmark(Description = "render MPD (4 renditions x 12 segments)")]
    public string Render() =>
        DashManifestWriter.Write(_timeline, _views, PartTarget, "http://127.0.0.1:8080/dash/time", DateTimeOffset.UnixEpoch);
}
