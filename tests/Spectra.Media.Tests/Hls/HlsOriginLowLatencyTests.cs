using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Hls;

/// <summary>
/// LL-HLS at the origin (RFC 8216bis): parts, blocking playlist reload, delta updates and master
/// readiness, with the windows driven part by part from the test.
/// </summary>
public sealed class HlsOriginLowLatencyTests : IAsyncLifetime
{
    private const int MaxBlocked = 6;
    private OriginHost _host = null!;
    private WindowDriver _high = null!;
    private WindowDriver _low = null!;
    private HlsStream _stream = null!;

    public async Task InitializeAsync()
    {
        _host = await OriginHost.StartAsync(services => services.Configure<HlsOriginOptions>(o => o.MaxBlockedPlaylistRequests = MaxBlocked));
        _high = await WindowDriver.CreateAsync();
        _low = await WindowDriver.CreateAsync();
        _stream = new HlsStream("dora", [
            new HlsRendition(new RenditionInfo("720p", 1280, 720, 30, 3_000_000, 2_500_000, false), _high.Window),
            new HlsRendition(Packagers.Rendition360, _low.Window),
        ]);
        _host.Registry.Publish(_stream);
    }

    public async Task DisposeAsync()
    {
        var errors = _host.Logs.Errors;
        await _host.DisposeAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Master_UntilEveryRenditionHasASegment_503ThenWithCodecs()
    {
        _high.PublishSegments(1);
        _low.PublishPart();

        using var early = await _host.Client.GetAsync("/hls/dora/master.m3u8");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        Assert.Equal("1", early.Headers.RetryAfter!.ToString());
        Assert.Equal("no-store", early.Headers.CacheControl!.ToString());

        _low.PublishSegment();
        using var ready = await _host.Client.GetAsync("/hls/dora/master.m3u8");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var master = await ready.Content.ReadAsStringAsync();
        Assert.Equal(2, master.Split("CODECS=\"avc1.64001e,mp4a.40.2\"").Length - 1);
        foreach (var variant in new[] { "720p", "360p" })
        {
            using var media = await _host.Client.GetAsync($"/hls/dora/{variant}/index.m3u8");
            Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        }
    }

    [Fact]
    public async Task Part_OpenAndCompleted_ServedImmutableWithSameBytes()
    {
        _high.PublishSegments(1);
        _high.PublishPart();
        var open = _high.Window.Snapshot.OpenParts[0];

        using var openResponse = await _host.Client.GetAsync("/hls/dora/720p/201.0.m4s");
        Assert.Equal(HttpStatusCode.OK, openResponse.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", openResponse.Headers.CacheControl!.ToString());
        Assert.Equal("video/iso.segment", openResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("\"s201.0\"", openResponse.Headers.ETag!.Tag);
        Assert.Equal(open.Data.ToArray(), await openResponse.Content.ReadAsByteArrayAsync());

        _high.PublishSegment();
        using var completed = await _host.Client.GetAsync("/hls/dora/720p/201.0.m4s");
        Assert.Equal(open.Data.ToArray(), await completed.Content.ReadAsByteArrayAsync());
        var segment = _high.Window.Snapshot.Find(201)!;
        using var second = await _host.Client.GetAsync("/hls/dora/720p/201.1.m4s");
        Assert.Equal(segment.Parts[1].Data.ToArray(), await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("201.99.m4s")]
    [InlineData("150.0.m4s")]
    [InlineData("201.-1.m4s")]
    [InlineData("201.x.m4s")]
    [InlineData("201..m4s")]
    public async Task Part_UnknownOrMalformed_404(string file)
    {
        _high.PublishSegments(2);

        using var response = await _host.Client.GetAsync($"/hls/dora/720p/{file}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BlockingReload_Part_AnswersWhenThatPartIsPublishedNotBefore()
    {
        _high.PublishSegments(1);
        _high.PublishPart();
        _low.PublishSegments(1);

        var pending = _host.Client.GetAsync("/hls/dora/720p/index.m3u8?_HLS_msn=201&_HLS_part=2");
        await WaitForWaitersAsync(_high.Window, 1);
        _high.PublishPart();    // 201.1: not yet the one asked for
        _low.PublishPart();
        Assert.False(pending.IsCompleted);
        _high.PublishPart();    // 201.2

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var playlist = await response.Content.ReadAsStringAsync();
        Assert.Contains("URI=\"201.2.m4s\"", playlist, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"201.3.m4s\"", playlist, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-RENDITION-REPORT:URI=\"../360p/index.m3u8\",LAST-MSN=201,LAST-PART=0", playlist, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(playlist, lowLatency: true);
    }

    [Fact]
    public async Task BlockingReload_NextSegment_AnswersWhenSegmentIsPublished()
    {
        _high.PublishSegments(2);

        var pending = _host.Client.GetAsync("/hls/dora/720p/index.m3u8?_HLS_msn=202");
        await WaitForWaitersAsync(_high.Window, 1);
        _high.PublishPart();
        Assert.False(pending.IsCompleted);
        _high.PublishSegment();

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        var playlist = await response.Content.ReadAsStringAsync();
        Assert.Contains("\n202.m4s\n", playlist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockingReload_PartPastTheEndOfItsSegment_AnsweredByFirstPartOfNext()
    {
        _high.PublishSegments(1);
        var parts = _high.PartsInOpenSegment;
        var pending = _host.Client.GetAsync($"/hls/dora/720p/index.m3u8?_HLS_msn=201&_HLS_part={parts}");
        await WaitForWaitersAsync(_high.Window, 1);
        _high.PublishSegment();
        Assert.False(pending.IsCompleted);
        _high.PublishPart();

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("URI=\"202.0.m4s\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockingReload_AlreadyAvailable_AnswersAtOnce()
    {
        _high.PublishSegments(3);

        using var response = await _host.Client.GetAsync("/hls/dora/720p/index.m3u8?_HLS_msn=201&_HLS_part=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _high.Window.Waiters);
    }

    [Theory]
    [InlineData("_HLS_msn=-1")]
    [InlineData("_HLS_msn=abc")]
    [InlineData("_HLS_msn=")]
    [InlineData("_HLS_msn=99999999999999999999")]
    [InlineData("_HLS_msn=%2B201")]
    [InlineData("_HLS_part=1")]
    [InlineData("_HLS_msn=201&_HLS_part=x")]
    [InlineData("_HLS_msn=201&_HLS_part=3000000000")]
    [InlineData("_HLS_msn=201&_HLS_msn=202")]
    [InlineData("_HLS_skip=NO")]
    [InlineData("_HLS_msn=205")]
    [InlineData("_HLS_msn=203&_HLS_part=40")]
    public async Task BlockingReload_BadOrTooFarAhead_400(string query)
    {
        _high.PublishSegments(2);

        using var response = await _host.Client.GetAsync($"/hls/dora/720p/index.m3u8?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task BlockingReload_NothingPublished_503AfterThreeTargetDurations()
    {
        _high.PublishSegments(1);

        using var response = await _host.Client.GetAsync("/hls/dora/720p/index.m3u8?_HLS_msn=202");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, _high.Window.Waiters);
    }

    [Fact]
    public async Task BlockingReload_ManyHeld_CappedThenReleasedWithEndList()
    {
        _high.PublishSegments(1);
        var held = Enumerable.Range(0, MaxBlocked).Select(_ => _host.Client.GetAsync("/hls/dora/720p/index.m3u8?_HLS_msn=202")).ToArray();
        await WaitForWaitersAsync(_high.Window, MaxBlocked);

        using var rejected = await _host.Client.GetAsync("/hls/dora/720p/index.m3u8?_HLS_msn=202");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal("1", rejected.Headers.RetryAfter!.ToString());

        _host.Registry.End("dora", _stream);
        var responses = await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                HlsPlaylistValidator.ValidateMedia(await response.Content.ReadAsStringAsync(), ended: true, lowLatency: true);
            }
        }

        Assert.Equal(0, _high.Window.Waiters);
    }

    [Fact]
    public async Task HintedPart_HeldUntilPublished()
    {
        _high.PublishSegments(1);
        _high.PublishPart();

        var pending = _host.Client.GetAsync("/hls/dora/720p/201.1.m4s");
        await WaitForWaitersAsync(_high.Window, 1);
        Assert.False(pending.IsCompleted);
        _high.PublishPart();

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_high.Window.Snapshot.OpenParts[1].Data.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DeltaUpdate_SkipYes_AppliedEqualsFullPlaylist()
    {
        _high.PublishSegments(10);
        _low.PublishSegments(10);

        var full = await _host.Client.GetStringAsync("/hls/dora/720p/index.m3u8");
        var delta = await _host.Client.GetStringAsync("/hls/dora/720p/index.m3u8?_HLS_skip=YES");

        Assert.Contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=", delta, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(delta, lowLatency: true);
        Assert.Equal(full, HlsDeltaApplier.Apply(full, delta));
    }

    /// <summary>Until <paramref name="count"/> requests wait on the window (bounded: 10 s).</summary>
    private static async Task WaitForWaitersAsync(LiveWindow window, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (window.Waiters < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
