using System.Net;
using System.Xml.Linq;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Dash;

/// <summary>/dash as it runs: real Kestrel on 127.0.0.1, real HTTP client, real packaged segments.</summary>
public sealed class DashOriginTests : IAsyncLifetime
{
    private OriginHost _host = null!;
    private LiveWindow _window = null!;

    public async Task InitializeAsync()
    {
        _host = await OriginHost.StartAsync();
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 6 });
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        _window = window;
        _host.Registry.Publish(new HlsStream("alice", [new HlsRendition(Packagers.Rendition360, window)]));
    }

    public async Task DisposeAsync()
    {
        var errors = _host.Logs.Errors;
        await _host.DisposeAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Manifest_Published_ServesMpdWithPlaylistCacheAndCors()
    {
        using var response = await _host.Client.GetAsync("/dash/alice/manifest.mpd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dash+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=1", response.Headers.CacheControl!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var mpd = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var timing = mpd.Element(XName.Get("UTCTiming", "urn:mpeg:dash:schema:mpd:2011"))!;
        Assert.Equal(new Uri(_host.Address, "/dash/time"), new Uri(timing.Attribute("value")!.Value));
    }

    [Fact]
    public async Task Manifest_SameWindow_SameBytes()
    {
        var first = await _host.Client.GetByteArrayAsync("/dash/alice/manifest.mpd");
        var second = await _host.Client.GetByteArrayAsync("/dash/alice/manifest.mpd");

        Assert.Equal(first, second);   // cached per window version: publishTime does not move either
    }

    [Fact]
    public async Task Manifest_UnknownChannel_NotFoundUncached()
    {
        using var response = await _host.Client.GetAsync("/dash/nobody/manifest.mpd");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Manifest_NoSegmentYet_Unavailable()
    {
        _host.Registry.Publish(new HlsStream("bob", [new HlsRendition(Packagers.Rendition360, new LiveWindow(6, 100))]));

        using var response = await _host.Client.GetAsync("/dash/bob/manifest.mpd");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Segment_DashNumber_SameBytesAsHlsSegment()
    {
        var latest = _window.Snapshot.Latest!;

        var dash = await _host.Client.GetByteArrayAsync($"/dash/alice/360p/0/{latest.Sequence}.m4s");
        var hls = await _host.Client.GetByteArrayAsync($"/hls/alice/360p/{latest.Sequence}.m4s");
        var init = await _host.Client.GetByteArrayAsync($"/dash/alice/360p/init-{latest.Init.Key}.mp4");

        Assert.Equal(hls, dash);
        Assert.Equal(latest.Init.Data.ToArray(), init);
    }

    [Fact]
    public async Task Segment_OutsideWindow_NotFoundWithLogLine()
    {
        using var response = await _host.Client.GetAsync("/dash/alice/360p/0/101.m4s");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains("segment 101", StringComparison.Ordinal) && e.Message.Contains("has left the window", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/dash/alice/360p/5/104.m4s")]        // base not a multiple of 10^9
    [InlineData("/dash/alice/360p/0/x.m4s")]
    [InlineData("/dash/alice/360p/0/99999999999.m4s")] // number beyond 32 bits
    [InlineData("/dash/alice/360p/index.m3u8")]        // only init segments beside the MPD
    [InlineData("/dash/alice/nope/0/104.m4s")]
    public async Task Segment_Malformed_NotFound(string path)
    {
        using var response = await _host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Time_Get_UtcDateTimeUncached()
    {
        using var response = await _host.Client.GetAsync("/dash/time");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$", text);
        var time = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((DateTimeOffset.UtcNow - time).Duration() < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OpenSegment_RequestedEarly_SentPartByPartThenEqualsCompleteSegment()
    {
        var driver = await WindowDriver.CreateAsync(capacity: 6, firstSequence: 500);
        _host.Registry.Publish(new HlsStream("carol", [new HlsRendition(Packagers.Rendition360, driver.Window)]));
        driver.PublishSegment();
        Assert.True(driver.PublishPart());
        var open = driver.Window.Snapshot.NextSequence;

        // Headers and the first part arrive while the segment is still being written.
        using var response = await _host.Client.GetAsync($"/dash/carol/360p/0/{open}.m4s", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        var body = response.Content.ReadAsByteArrayAsync();
        await Task.Delay(200);
        Assert.False(body.IsCompleted);

        var segment = driver.PublishSegment();
        Assert.Equal(open, segment.Sequence);
        Assert.Equal(segment.Data.ToArray(), await body.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
