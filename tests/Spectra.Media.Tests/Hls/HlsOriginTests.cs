using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Hls;

/// <summary>The origin as it runs: real Kestrel on 127.0.0.1, real HTTP client, real packaged segments.</summary>
public sealed class HlsOriginTests : IAsyncLifetime
{
    private OriginHost _host = null!;
    private LiveWindow _window = null!;
    private HlsStream _stream = null!;

    public async Task InitializeAsync()
    {
        _host = await OriginHost.StartAsync();
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 6 });
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        _window = window;
        _stream = new HlsStream("alice", [new HlsRendition(Packagers.Rendition360, window)]);
        _host.Registry.Publish(_stream);
    }

    public async Task DisposeAsync()
    {
        var errors = _host.Logs.Errors;
        await _host.DisposeAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Master_Published_ServesPlaylistWithShortCacheAndCors()
    {
        using var response = await _host.Client.GetAsync("/hls/alice/master.m3u8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=1", response.Headers.CacheControl!.ToString());
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("CODECS=\"avc1.64001e,mp4a.40.2\"", body, StringComparison.Ordinal);
        Assert.Contains("\n360p/index.m3u8\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Master_ChannelNameInOtherCase_Found()
    {
        using var response = await _host.Client.GetAsync("/hls/ALICE/master.m3u8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MediaPlaylist_Get_ServesWindowWithETag()
    {
        using var response = await _host.Client.GetAsync("/hls/alice/360p/index.m3u8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=1", response.Headers.CacheControl!.ToString());
        Assert.Equal("\"p107.0\"", response.Headers.ETag!.Tag);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HlsPlaylistWriter.WriteMediaPlaylist(_window.Snapshot, new PackagerOptions().PartTargetDuration, [], skip: false), body);
        HlsPlaylistValidator.ValidateMedia(body, lowLatency: true);
    }

    [Fact]
    public async Task MediaPlaylist_IfNoneMatchCurrent_NotModified()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/alice/360p/index.m3u8");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"p107.0\""));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Segment_Get_ServesWindowBytesImmutable()
    {
        var segment = _window.Snapshot.Find(105)!;

        using var response = await _host.Client.GetAsync("/hls/alice/360p/105.m4s");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/iso.segment", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("\"s105\"", response.Headers.ETag!.Tag);
        Assert.Equal("bytes", Header(response, "Accept-Ranges"));
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Content-Range", Header(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.Contains("Content-Length", Header(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.Equal(segment.Data.Length, response.Content.Headers.ContentLength);
        Assert.Equal(segment.Data.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Segment_Head_HeadersWithoutBody()
    {
        var segment = _window.Snapshot.Find(106)!;
        using var request = new HttpRequestMessage(HttpMethod.Head, "/hls/alice/360p/106.m4s");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(segment.Data.Length, response.Content.Headers.ContentLength);
        Assert.Equal("video/iso.segment", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-99", 0, 100)]
    [InlineData("bytes=100-", 100, -1)]
    [InlineData("bytes=-10", -10, 10)]
    [InlineData("bytes=50-10000000", 50, -1)]
    public async Task Segment_Range_PartialContent(string range, int start, int length)
    {
        var data = _window.Snapshot.Find(105)!.Data.ToArray();
        var from = start < 0 ? data.Length + start : start;
        var count = length < 0 ? data.Length - from : length;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/alice/360p/105.m4s");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {from}-{from + count - 1}/{data.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(count, response.Content.Headers.ContentLength);
        Assert.Equal(data.AsSpan(from, count).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=999999999-")]
    [InlineData("bytes=-0")]
    public async Task Segment_RangeBeyondEnd_RangeNotSatisfiable(string range)
    {
        var length = _window.Snapshot.Find(105)!.Data.Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/alice/360p/105.m4s");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{length}", response.Content.Headers.ContentRange!.ToString());
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("items=0-10")]
    [InlineData("bytes=0-10,20-30")]
    [InlineData("bytes=10-5")]
    public async Task Segment_UnusableRange_WholeSegment(string range)
    {
        var length = _window.Snapshot.Find(105)!.Data.Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/alice/360p/105.m4s");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Segment_IfRangeStale_WholeSegment()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/alice/360p/105.m4s");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        request.Headers.TryAddWithoutValidation("If-Range", "\"s1\"");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Segment_IfNoneMatch_NotModified()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/alice/360p/105.m4s");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"s105\""));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"s105\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task InitByKey_Get_ImmutableMp4()
    {
        using var response = await _host.Client.GetAsync("/hls/alice/360p/init-104-2.mp4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal(_window.CurrentInit!.Data.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task InitByKey_PreviousGenerationStillReferenced_Served()
    {
        // Segments 102 and 103 of generation 1 are still in the window.
        using var response = await _host.Client.GetAsync("/hls/alice/360p/init-100-1.mp4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task InitCurrent_Get_ShortCache()
    {
        using var response = await _host.Client.GetAsync("/hls/alice/360p/init.mp4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=1", response.Headers.CacheControl!.ToString());
        Assert.Equal(_window.CurrentInit!.Data.Length, response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("/hls/nobody/master.m3u8")]
    [InlineData("/hls/nobody/360p/index.m3u8")]
    [InlineData("/hls/alice/1080p/index.m3u8")]
    [InlineData("/hls/alice/1080p/105.m4s")]
    [InlineData("/hls/alice/360p/101.m4s")]
    [InlineData("/hls/alice/360p/108.m4s")]
    [InlineData("/hls/alice/360p/-1.m4s")]
    [InlineData("/hls/alice/360p/abc.m4s")]
    [InlineData("/hls/alice/360p/init-100-2.mp4")]
    [InlineData("/hls/alice/360p/init-999-9.mp4")]
    [InlineData("/hls/alice/360p/segment.ts")]
    [InlineData("/hls/alice/thumbnail.jpg")]
    public async Task Get_UnknownOrExpired_NotFoundUncached(string path)
    {
        using var response = await _host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task MediaPlaylist_NoSegmentYet_NotFound()
    {
        var info = new RenditionInfo("new", 640, 360, 30, 1, 1, false);
        _host.Registry.Publish(new HlsStream("empty", [new HlsRendition(info, new LiveWindow(12, 0))]));

        using var response = await _host.Client.GetAsync("/hls/empty/new/index.m3u8");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task End_Stream_PlaylistGainsEndListWithNewETagAndStaysServed()
    {
        using var live = await _host.Client.GetAsync("/hls/alice/360p/index.m3u8");
        var liveTag = live.Headers.ETag!.Tag;

        _host.Registry.End("alice", _stream);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/hls/alice/360p/index.m3u8");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(liveTag));
        using var ended = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.NotEqual(liveTag, ended.Headers.ETag!.Tag);
        HlsPlaylistValidator.ValidateMedia(await ended.Content.ReadAsStringAsync(), ended: true, lowLatency: true);
        using var master = await _host.Client.GetAsync("/hls/alice/master.m3u8");
        Assert.Equal(HttpStatusCode.OK, master.StatusCode);
    }

    [Fact]
    public void End_NoLinger_RemovedAtOnceButNotANewerStream()
    {
        var registry = new HlsStreamRegistry { EndedStreamLinger = TimeSpan.Zero };
        var first = new HlsStream("carol", [new HlsRendition(Packagers.Rendition360, new LiveWindow(12, 0))]);
        var second = new HlsStream("carol", [new HlsRendition(Packagers.Rendition360, new LiveWindow(12, 0))]);
        registry.Publish(first);
        registry.End("carol", first);
        Assert.False(registry.TryGet("carol", out _));

        registry.Publish(second);
        registry.End("carol", first);
        Assert.True(registry.TryGet("carol", out var current));
        Assert.Same(second, current);
        Assert.False(second.Renditions[0].Window.Snapshot.Ended);
    }

    [Fact]
    public async Task Remove_CurrentStream_MasterNotFound()
    {
        var other = new HlsStream("alice", [new HlsRendition(Packagers.Rendition360, new LiveWindow(12, 0))]);

        Assert.False(_host.Registry.Remove("alice", other));
        Assert.True(_host.Registry.Remove("alice", _stream));

        using var response = await _host.Client.GetAsync("/hls/alice/master.m3u8");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Thumbnail_Set_ServesJpegWithShortCache()
    {
        var (exit, _, stderr) = await ExternalProcess.RunAsync(
            "ffmpeg",
            ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180", "-frames:v", "1", "-f", "mjpeg", "-y", Path.Combine(Path.GetTempPath(), $"spectra-thumb-{Environment.ProcessId}.jpg")],
            TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, stderr);
        var path = Path.Combine(Path.GetTempPath(), $"spectra-thumb-{Environment.ProcessId}.jpg");
        var jpeg = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        _host.Registry.SetThumbnail("alice", jpeg);

        using var response = await _host.Client.GetAsync("/hls/alice/thumbnail.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=5", response.Headers.CacheControl!.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void SetThumbnail_NotJpeg_Throws()
    {
        Assert.Throws<ArgumentException>(() => _host.Registry.SetThumbnail("alice", Encoding.ASCII.GetBytes("<svg/>")));
    }

    [Fact]
    public async Task Options_Preflight_AllowsRange()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/hls/alice/360p/105.m4s");
        request.Headers.TryAddWithoutValidation("Origin", "https://player.example");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "GET");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "range");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Range", Header(response, "Access-Control-Allow-Headers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ffprobe_MasterPlaylistOverHttp_FindsRendition()
    {
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
            "ffprobe",
            ["-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", new Uri(_host.Address, "/hls/alice/master.m3u8").ToString()],
            TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, stderr);
        Assert.Contains("h264,640,360", stdout, StringComparison.Ordinal);
        Assert.Contains("aac", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : string.Empty;
}
