using Spectra.Media.Flv;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Live;

/// <summary>Passthrough mode: the source rendition packaged in-process, no ffmpeg.</summary>
public class LiveStreamPassthroughTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OnMediaTag_PassthroughMode_ServesDecodableSourceWithoutTranscoder()
    {
        var publisher = await SyntheticPublisher.Hd720Async();
        await using var fixture = new LiveStreamFixture("passthrough720", new LadderOptions { Mode = TranscodingMode.Passthrough });
        var stream = fixture.Stream;
        var firstSegment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sampled = new TaskCompletionSource<IngestHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.FirstSegmentReady += _ => firstSegment.TrySetResult();
        stream.HealthSampled += (_, h) =>
        {
            if (h.FramesPerSecond > 0)
            {
                sampled.TrySetResult(h);
            }
        };
        using var feeding = new CancellationTokenSource(Bound);

        var feed = publisher.FeedAsync(stream, loops: 1, feeding.Token);
        await firstSegment.Task.WaitAsync(Bound);

        Assert.Null(stream.TranscoderProcessId);
        var health = await sampled.Task.WaitAsync(Bound);
        Assert.Equal(IngestWarnings.None, health.Warnings); // no transcoder: nothing restarting or slow
        Assert.Null(health.TranscoderSpeed);
        var hls = stream.HlsStream!;
        var source = Assert.Single(hls.Renditions);
        Assert.Equal(("source", 1280, 720), (source.Name, source.Info.Width, source.Info.Height));
        var segment = source.Window.Snapshot.Segments[0];
        string[] streams = await Ffprobe.StreamsAsync(segment.Init.Data, segment.Data);
        Assert.Contains(streams, s => s.StartsWith("h264,1280,720,", StringComparison.Ordinal));
        Assert.Contains(streams, s => s.StartsWith("aac", StringComparison.Ordinal));
        Assert.Contains("CODECS=\"avc1.64001f,mp4a.40.2\"", HlsPlaylistWriter.WriteMasterPlaylist(hls), StringComparison.Ordinal);

        await feed;
        await stream.StopAsync().WaitAsync(Bound);
        Assert.Null(stream.TranscoderProcessId);
        Assert.Equal(0, stream.TranscoderRestarts);
        var snapshot = source.Window.Snapshot;
        Assert.True(snapshot.Ended);

        // 6 s of 1 s GOPs: every segment but the last one is one GOP (1.000 s at 90 kHz).
        Assert.InRange(snapshot.Segments.Count, 5, 6);
        Assert.All(snapshot.Segments.Take(snapshot.Segments.Count - 1), s => Assert.Equal(1.0, s.Duration.TotalSeconds, 2));
        Assert.Empty(fixture.ErrorMessages);
    }

    [Fact]
    public async Task OnMediaTag_NewSequenceHeaderMidStream_StartsNewGenerationWithDiscontinuity()
    {
        var hd = await SyntheticPublisher.Hd720Async();
        var sd = await SyntheticPublisher.Sd360Async();
        await using var fixture = new LiveStreamFixture("passthroughswitch", new LadderOptions { Mode = TranscodingMode.Passthrough });
        var stream = fixture.Stream;
        using var feeding = new CancellationTokenSource(Bound);

        await hd.FeedAsync(stream, loops: 1, feeding.Token);
        await sd.FeedAsync(stream, loops: 1, hd.DurationMs + 33, feeding.Token);
        await stream.StopAsync().WaitAsync(Bound);

        var source = Assert.Single(stream.HlsStream!.Renditions);
        var snapshot = source.Window.Snapshot;
        Assert.Equal(2, snapshot.CurrentInit!.Generation);
        Assert.Contains(snapshot.Segments, s => s.IsDiscontinuity);
        string playlist = HlsPlaylistWriter.WriteMediaPlaylist(snapshot);
        Assert.Contains("#EXT-X-DISCONTINUITY", playlist, StringComparison.Ordinal);
        var last = snapshot.Segments[^1];
        string[] streams = await Ffprobe.StreamsAsync(last.Init.Data, last.Data);
        Assert.Contains(streams, s => s.StartsWith("h264,640,360,", StringComparison.Ordinal));
        Assert.Empty(fixture.ErrorMessages);
    }
}
