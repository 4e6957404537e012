using Spectra.Media.Live;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Live;

public sealed class StreamHealthTests
{
    [Fact]
    public void From_Sample_DashboardUnitsAndWarningsInWords()
    {
        var at = new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
        var sample = new IngestHealth
        {
            SampledAt = at,
            IncomingBitsPerSecond = 2_500_000,
            FramesPerSecond = 30,
            KeyframeIntervalSeconds = 6,
            VideoCodec = "avc1.64001f",
            AudioCodec = "mp4a.40.2",
            Width = 1280,
            Height = 720,
            DroppedTags = 3,
            TranscoderDroppedFrames = 2,
            LateTags = 1,
            TranscoderSpeed = 0.5,
            Warnings = IngestWarnings.KeyframeIntervalTooLong | IngestWarnings.TranscoderSlow | IngestWarnings.TimestampsOutOfOrder,
        };

        var health = StreamHealth.From(sample, TimeProvider.System);

        Assert.Equal(2500, health.BitrateKbps);
        Assert.Equal((1280, 720), (health.Width, health.Height));
        Assert.Equal(5, health.DroppedMessages);
        Assert.Equal(1, health.LateMessages);
        Assert.Equal(at.UtcDateTime, health.SampledAt);
        Assert.Equal(
            [StreamHealthWarning.KeyframeInterval, StreamHealthWarning.TranscoderSlow, StreamHealthWarning.TimestampsOutOfOrder],
            health.Warnings.Select(w => w.Code));
        Assert.Contains("6 s", health.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("0.50×", health.Warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SrtSampleWithUnrepairedLoss_CarriesTheLinkAndWarnsWithTheLatency()
    {
        var link = new LiveTransportStatistics("srt", 12.5, 200, 10_000, 40, 35, 5, 1);
        var sample = new IngestHealth { Transport = link, Warnings = IngestWarnings.LinkLoss };

        var health = StreamHealth.From(sample, TimeProvider.System);

        Assert.Same(link, health.Transport);
        var warning = Assert.Single(health.Warnings);
        Assert.Equal(StreamHealthWarning.LinkLoss, warning.Code);
        Assert.Contains("200 ms", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_EmptySample_NothingKnownDatedNow()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 7, 21, 0, 0, TimeSpan.Zero));

        var health = StreamHealth.From(new IngestHealth(), time);

        Assert.Null(health.Width);
        Assert.Null(health.VideoCodec);
        Assert.Empty(health.Warnings);
        Assert.Equal(time.GetUtcNow().UtcDateTime, health.SampledAt);
    }

    [Fact]
    public void From_UnsupportedCodecs_NamesThem()
    {
        var sample = new IngestHealth { VideoCodec = "hevc", AudioCodec = "opus", Warnings = IngestWarnings.UnsupportedVideoCodec | IngestWarnings.UnsupportedAudioCodec };

        var warnings = StreamHealthWarning.From(sample);

        Assert.Equal([StreamHealthWarning.UnsupportedVideoCodec, StreamHealthWarning.UnsupportedAudioCodec], warnings.Select(w => w.Code));
        Assert.Contains("'hevc'", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("'opus'", warnings[1].Message, StringComparison.Ordinal);
    }
}
