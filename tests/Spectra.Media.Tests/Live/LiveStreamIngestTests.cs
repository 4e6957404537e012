using Spectra.Media.Flv;
using Spectra.Media.Live;

namespace Spectra.Media.Tests.Live;

/// <summary>Sources that are not transcoded, and ingest accounting; no ffmpeg is started.</summary>
public class LiveStreamIngestTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static LiveStreamOptions FastHealth() => new() { HealthInterval = TimeSpan.FromMilliseconds(500), ProbeDuration = TimeSpan.FromSeconds(1) };

    private static Task<IngestHealth> NextHealthAsync(LiveStream stream, Func<IngestHealth, bool> condition)
    {
        var sample = new TaskCompletionSource<IngestHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.HealthSampled += (_, h) =>
        {
            if (condition(h))
            {
                sample.TrySetResult(h);
            }
        };
        return sample.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task OnMediaTag_AudioOnlyPublisherByDefault_AudioOnlyWarningNoTranscoderNoStream()
    {
        var publisher = await SyntheticPublisher.AudioOnlyAsync();
        await using var fixture = new LiveStreamFixture("audioonly", options: FastHealth());
        var health = NextHealthAsync(fixture.Stream, h => h.Warnings.HasFlag(IngestWarnings.AudioOnly) && fixture.Stream.Plan is not null);

        foreach (var (type, timestamp, body) in publisher.Tags)
        {
            fixture.Stream.OnMediaTag(type, timestamp, body);
        }

        var sample = await health;
        Assert.Equal("mp4a.40.2", sample.AudioCodec);
        Assert.Null(sample.VideoCodec);
        Assert.False(fixture.Stream.Plan!.CanTranscode);
        Assert.Null(fixture.Stream.TranscoderProcessId);
        Assert.Null(fixture.Stream.HlsStream);
        Assert.False(fixture.Registry.TryGet("audioonly", out _));
        await fixture.Stream.StopAsync().WaitAsync(Bound);
        Assert.Empty(fixture.ErrorMessages);
    }

    [Fact]
    public async Task OnMediaTag_HevcPublisher_UnsupportedCodecWarningAndLongGopWarning()
    {
        await using var fixture = new LiveStreamFixture("hevc", options: FastHealth());
        var health = NextHealthAsync(fixture.Stream, h => h.Warnings.HasFlag(IngestWarnings.UnsupportedVideoCodec) && h.KeyframeIntervalSeconds is not null);
        byte[] sequenceStart = Convert.FromHexString("9068766331" + "01016000000000000000000000");
        byte[] keyframe = Convert.FromHexString("9168766331000000" + "0000000526010203");
        byte[] interFrame = Convert.FromHexString("A168766331000000" + "0000000402010203");

        fixture.Stream.OnMediaTag(FlvTagType.Video, 0, sequenceStart);
        fixture.Stream.OnMediaTag(FlvTagType.Audio, 0, [0xAF, 0x00, 0x12, 0x10]);
        for (uint t = 0; t <= 5000; t += 100)
        {
            fixture.Stream.OnMediaTag(FlvTagType.Video, t, t % 5000 == 0 ? keyframe : interFrame);
            fixture.Stream.OnMediaTag(FlvTagType.Audio, t, [0xAF, 0x01, 0x21, 0x00]);
        }

        var sample = await health;
        Assert.Equal("hevc", sample.VideoCodec);
        Assert.Equal(5.0, sample.KeyframeIntervalSeconds);
        Assert.True(sample.Warnings.HasFlag(IngestWarnings.KeyframeIntervalTooLong));
        Assert.False(fixture.Stream.Plan!.CanTranscode);
        Assert.Null(fixture.Stream.TranscoderProcessId);
        Assert.Null(fixture.Stream.HlsStream);
        Assert.Empty(fixture.ErrorMessages);
    }

    [Fact]
    public async Task OnMediaTag_TimestampsGoingBackwards_CountedAsLateAndWarned()
    {
        await using var fixture = new LiveStreamFixture("late", options: FastHealth());
        var health = NextHealthAsync(fixture.Stream, h => h.LateTags > 0);

        fixture.Stream.OnMediaTag(FlvTagType.Audio, 0, [0xAF, 0x00, 0x12, 0x10]);
        fixture.Stream.OnMediaTag(FlvTagType.Audio, 1000, [0xAF, 0x01, 0x21]);
        fixture.Stream.OnMediaTag(FlvTagType.Audio, 900, [0xAF, 0x01, 0x21]);
        fixture.Stream.OnMediaTag(FlvTagType.Audio, 1100, [0xAF, 0x01, 0x21]);
        fixture.Stream.OnMediaTag(FlvTagType.Audio, 1050, [0xAF, 0x01, 0x21]);

        var sample = await health;
        Assert.Equal(2, sample.LateTags);
        Assert.True(sample.Warnings.HasFlag(IngestWarnings.TimestampsOutOfOrder));
    }

    [Fact]
    public async Task OnMediaTag_AfterStop_IsIgnored()
    {
        await using var fixture = new LiveStreamFixture("stopped", options: FastHealth());
        await fixture.Stream.StopAsync();

        fixture.Stream.OnMediaTag(FlvTagType.Audio, 0, [0xAF, 0x00, 0x12, 0x10]);

        Assert.True(fixture.Stream.IsStopped);
        Assert.Null(fixture.Stream.Plan);
        Assert.Null(fixture.Stream.CurrentHealth.AudioCodec);
    }

    [Fact]
    public void Constructor_ChannelNameNotUrlSafe_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LiveStreamFixture("bad/name"));
    }
}
