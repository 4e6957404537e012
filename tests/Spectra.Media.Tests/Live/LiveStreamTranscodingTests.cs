using System.Diagnostics;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.Transcoding;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Live;

/// <summary>A synthetic 720p publisher through real ffmpeg, packager and live windows.</summary>
public class LiveStreamTranscodingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OnMediaTag_720pPublisher_ServesLadderThatDecodesAndAdvancesThenStopReapsFfmpeg()
    {
        var publisher = await SyntheticPublisher.Hd720Async();
        await using var fixture = new LiveStreamFixture("ladder720");
        var stream = fixture.Stream;
        var firstSegment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var healthy = new TaskCompletionSource<IngestHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.FirstSegmentReady += _ => firstSegment.TrySetResult();
        stream.HealthSampled += (_, h) =>
        {
            if (h.TranscoderSpeed is not null && h.FramesPerSecond > 0)
            {
                healthy.TrySetResult(h);
            }
        };
        using var feeding = new CancellationTokenSource(Bound);

        // 18 s of input: the publisher is still sending after the first segment and three ffprobe runs, even when a
        // loaded machine slows the transcoder and ffprobe down, so the playlists must still advance below.
        var feed = publisher.FeedAsync(stream, loops: 3, feeding.Token);
        await firstSegment.Task.WaitAsync(Bound);
        int pid = stream.TranscoderProcessId!.Value;

        // Master playlist: passthrough plus the rungs below 720p.
        Assert.True(fixture.Registry.TryGet("ladder720", out var hls));
        Assert.Same(stream.HlsStream, hls);
        string master = HlsPlaylistWriter.WriteMasterPlaylist(hls);
        Assert.Contains("source/index.m3u8", master, StringComparison.Ordinal);
        Assert.Contains("480p/index.m3u8", master, StringComparison.Ordinal);
        Assert.Contains("360p/index.m3u8", master, StringComparison.Ordinal);
        Assert.DoesNotContain("720p/index.m3u8", master, StringComparison.Ordinal);
        Assert.Contains("RESOLUTION=854x480", master, StringComparison.Ordinal);

        // Each rendition's init + first segment decodes at its size, with audio.
        (string Name, int Width, int Height)[] expected = [("source", 1280, 720), ("480p", 854, 480), ("360p", 640, 360)];
        foreach (var (name, width, height) in expected)
        {
            Assert.True(hls.TryGetRendition(name, out var rendition));
            var snapshot = rendition.Window.Snapshot;
            var segment = snapshot.Segments[0];
            string[] streams = await Ffprobe.StreamsAsync(segment.Init.Data, segment.Data);
            Assert.Contains(streams, s => s.StartsWith($"h264,{width},{height},", StringComparison.Ordinal));
            Assert.Contains(streams, s => s.StartsWith("aac", StringComparison.Ordinal));
            Assert.Contains("#EXTINF:", HlsPlaylistWriter.WriteMediaPlaylist(snapshot), StringComparison.Ordinal);
        }

        // The playlists advance while the publisher keeps sending.
        Assert.True(hls.TryGetRendition("360p", out var low));
        long next = low.Window.Snapshot.Latest!.Sequence + 1;
        using (var wait = new CancellationTokenSource(Bound))
        {
            await low.Window.WaitForSequenceAsync(next, wait.Token);
        }

        Assert.Contains($"{next}.m4s", HlsPlaylistWriter.WriteMediaPlaylist(low.Window.Snapshot), StringComparison.Ordinal);

        var health = await healthy.Task.WaitAsync(Bound);
        Assert.Equal(("avc1.64001f", "mp4a.40.2", 1280, 720), (health.VideoCodec, health.AudioCodec, health.Width, health.Height));
        Assert.InRange(health.FramesPerSecond, 10, 60);
        Assert.InRange(health.IncomingBitsPerSecond, 100_000, 50_000_000);
        Assert.Equal(1.0, health.KeyframeIntervalSeconds!.Value, 1);
        // Load on the machine may slow the transcoder down; the source itself is clean.
        var sourceProblems = IngestWarnings.KeyframeIntervalTooLong | IngestWarnings.UnsupportedVideoCodec | IngestWarnings.UnsupportedAudioCodec
            | IngestWarnings.AudioOnly | IngestWarnings.VideoOnly | IngestWarnings.TimestampsOutOfOrder;
        Assert.Equal(IngestWarnings.None, health.Warnings & sourceProblems);

        // The first thumbnail is taken at the start of the transcode.
        Assert.True(fixture.Registry.TryGetThumbnail("ladder720", out var thumbnail));
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, thumbnail.Jpeg.ToArray()[..2]);

        await feed;
        await stream.StopAsync().WaitAsync(Bound);

        ProcessAssert.IsGone(pid);
        Assert.Null(stream.TranscoderProcessId);
        Assert.True(fixture.Registry.TryGet("ladder720", out var ended), "an ended stream stays served for the linger");
        Assert.All(ended.Renditions, r => Assert.True(r.Window.Snapshot.Ended));
        Assert.Empty(fixture.ErrorMessages);
    }

    [Fact]
    public async Task OnMediaTag_FfmpegKilledWhileFeeding_RestartsAndMarksDiscontinuity()
    {
        var publisher = await SyntheticPublisher.Hd720Async();
        await using var fixture = new LiveStreamFixture("restart");
        var stream = fixture.Stream;
        var firstSegment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var discontinuity = new TaskCompletionSource<CmafSegment>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.FirstSegmentReady += _ => firstSegment.TrySetResult();
        using var feeding = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var feed = publisher.FeedAsync(stream, loops: 3, feeding.Token);
        await firstSegment.Task.WaitAsync(Bound);
        Assert.True(stream.HlsStream!.TryGetRendition("360p", out var low));
        low.Window.SegmentPublished += (_, segment) =>
        {
            if (segment.IsDiscontinuity)
            {
                discontinuity.TrySetResult(segment);
            }
        };
        int firstPid = stream.TranscoderProcessId!.Value;
        Process.GetProcessById(firstPid).Kill();

        var segment = await discontinuity.Task.WaitAsync(Bound);
        int secondPid = stream.TranscoderProcessId!.Value;

        Assert.NotEqual(firstPid, secondPid);
        Assert.Equal(2, segment.Generation);
        Assert.Equal(1, stream.TranscoderRestarts);
        Assert.Contains("#EXT-X-DISCONTINUITY", HlsPlaylistWriter.WriteMediaPlaylist(low.Window.Snapshot), StringComparison.Ordinal);
        ProcessAssert.IsGone(firstPid);

        await feeding.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => feed);
        await stream.StopAsync().WaitAsync(Bound);
        ProcessAssert.IsGone(secondPid);
        Assert.Empty(fixture.ErrorMessages);
    }

    [Fact]
    public async Task HealthSampled_FfmpegHungBySigstop_WatchdogKillsAndRestartsIt()
    {
        var publisher = await SyntheticPublisher.Hd720Async();
        var options = new LiveStreamOptions { HealthInterval = TimeSpan.FromSeconds(1), TranscoderStallTimeout = TimeSpan.FromSeconds(3) };
        await using var fixture = new LiveStreamFixture("stalled", options: options);
        var stream = fixture.Stream;
        var firstSegment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = new TaskCompletionSource<IngestHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        int hungPid = 0;
        stream.FirstSegmentReady += _ => firstSegment.TrySetResult();
        stream.HealthSampled += (_, h) =>
        {
            if (Volatile.Read(ref hungPid) != 0 && stream.TranscoderProcessId is { } pid && pid != Volatile.Read(ref hungPid))
            {
                restarted.TrySetResult(h);
            }
        };
        using var feeding = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var feed = publisher.FeedAsync(stream, loops: 4, feeding.Token);
        await firstSegment.Task.WaitAsync(Bound);
        Volatile.Write(ref hungPid, stream.TranscoderProcessId!.Value);
        Assert.Equal(0, Signals.Stop(hungPid));

        await restarted.Task.WaitAsync(Bound);

        Assert.NotEqual(hungPid, stream.TranscoderProcessId);
        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Id == 4212 && e.Message.Contains($"ffmpeg {hungPid} ", StringComparison.Ordinal));
        ProcessAssert.IsGone(hungPid);
        await feeding.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => feed);
        await stream.StopAsync().WaitAsync(Bound);
        Assert.Empty(fixture.ErrorMessages);
    }

    [Fact]
    public async Task OnMediaTag_AudioOnlyPublisherWithAudioOnlyRendition_ServesOneAudioRenditionWithWarning()
    {
        var publisher = await SyntheticPublisher.AudioOnlyAsync();
        var options = new LiveStreamOptions { HealthInterval = TimeSpan.FromSeconds(1), ProbeDuration = TimeSpan.FromSeconds(1) };
        var ladder = new LadderOptions { AudioOnlyRendition = true };
        await using var fixture = new LiveStreamFixture("audioonly", ladder, options);
        var stream = fixture.Stream;
        var firstSegment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var warned = new TaskCompletionSource<IngestHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.FirstSegmentReady += _ => firstSegment.TrySetResult();
        stream.HealthSampled += (_, h) =>
        {
            if (h.Warnings.HasFlag(IngestWarnings.AudioOnly))
            {
                warned.TrySetResult(h);
            }
        };
        using var feeding = new CancellationTokenSource(Bound);

        var feed = publisher.FeedAsync(stream, loops: 2, feeding.Token);
        await firstSegment.Task.WaitAsync(Bound);
        Assert.Null(stream.TranscoderProcessId); // AAC is copied: packaged in-process, no ffmpeg

        var hls = stream.HlsStream!;
        var audio = Assert.Single(hls.Renditions);
        Assert.Equal(("audio", 0, 0), (audio.Name, audio.Info.Width, audio.Info.Height));
        var segment = audio.Window.Snapshot.Segments[0];
        string only = Assert.Single(await Ffprobe.StreamsAsync(segment.Init.Data, segment.Data));
        Assert.StartsWith("aac,", only, StringComparison.Ordinal);
        string master = HlsPlaylistWriter.WriteMasterPlaylist(hls);
        Assert.Contains("CODECS=\"mp4a.40.2\"", master, StringComparison.Ordinal);
        Assert.DoesNotContain("RESOLUTION", master, StringComparison.Ordinal);
        var health = await warned.Task.WaitAsync(Bound);
        Assert.Equal("mp4a.40.2", health.AudioCodec);
        Assert.Null(health.VideoCodec);

        await feed;
        await stream.StopAsync().WaitAsync(Bound);
        Assert.True(fixture.Registry.TryGet("audioonly", out var ended), "an ended stream stays served for the linger");
        Assert.All(ended.Renditions, r => Assert.True(r.Window.Snapshot.Ended));
        Assert.Empty(fixture.ErrorMessages);
    }

    [Fact]
    public async Task OnMediaTag_SourceResolutionChanges_NewGenerationWithNewInitAndDiscontinuity()
    {
        var hd = await SyntheticPublisher.Hd720Async();
        var sd = await SyntheticPublisher.Sd360Async();
        await using var fixture = new LiveStreamFixture("resized");
        var stream = fixture.Stream;
        var firstSegment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var discontinuity = new TaskCompletionSource<CmafSegment>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.FirstSegmentReady += _ => firstSegment.TrySetResult();
        using var feeding = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await hd.FeedAsync(stream, loops: 1, feeding.Token);
        await firstSegment.Task.WaitAsync(Bound);
        Assert.True(stream.HlsStream!.TryGetRendition("source", out var source));
        source.Window.SegmentPublished += (_, segment) =>
        {
            if (segment.IsDiscontinuity)
            {
                discontinuity.TrySetResult(segment);
            }
        };
        int firstPid = stream.TranscoderProcessId!.Value;
        var feed = sd.FeedAsync(stream, loops: 2, hd.DurationMs + 33, feeding.Token);

        var segment = await discontinuity.Task.WaitAsync(Bound);

        Assert.Equal(2, segment.Generation);
        string[] streams = await Ffprobe.StreamsAsync(segment.Init.Data, segment.Data);
        Assert.Contains(streams, s => s.StartsWith("h264,640,360,", StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Id == 4213);
        ProcessAssert.IsGone(firstPid);
        await feeding.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => feed);
        await stream.StopAsync().WaitAsync(Bound);
        Assert.Empty(fixture.ErrorMessages);
    }
}
