using Spectra.Media.Flv;
using Spectra.Media.Live;
using Spectra.Rtmp;

namespace Spectra.Media.Tests.Live;

/// <summary>The RTMP adapter and the stream's outputs, with audio only so that no ffmpeg starts.</summary>
public sealed class RtmpLiveSourceTests
{
    private static readonly byte[] AacConfig = [0xAF, 0x00, 0x12, 0x10];
    private static readonly byte[] AacFrame = [0xAF, 0x01, 0x21, 0x00];

    [Fact]
    public async Task OnMediaMessage_SecondSourceAfterReconnect_OutputSeesOneTimeline()
    {
        await using var fixture = new LiveStreamFixture("rebased");
        var output = new RecordingOutput();
        fixture.Stream.Subscribe(output);

        var first = new RtmpLiveSource(fixture.Stream, "c1");
        first.OnMediaMessage(RtmpMediaType.Audio, 0, AacConfig);
        first.OnMediaMessage(RtmpMediaType.Audio, 3000, AacFrame);
        await first.OnUnpublishAsync(RtmpUnpublishReason.ConnectionClosed);
        var second = new RtmpLiveSource(fixture.Stream, "c2");
        second.OnMediaMessage(RtmpMediaType.Audio, 0, AacConfig);
        second.OnMediaMessage(RtmpMediaType.Audio, 23, AacFrame);

        Assert.Equal([0u, 3000u, 3033u, 3056u], output.Timestamps);
        Assert.All(output.Types, t => Assert.Equal(FlvTagType.Audio, t));
    }

    [Fact]
    public async Task OnMediaTag_TimestampGoingBackwards_NotHandedToOutputs()
    {
        await using var fixture = new LiveStreamFixture("backwards");
        var output = new RecordingOutput();
        fixture.Stream.Subscribe(output);
        var source = new RtmpLiveSource(fixture.Stream, "c1");

        source.OnMediaMessage(RtmpMediaType.Audio, 0, AacConfig);
        source.OnMediaMessage(RtmpMediaType.Audio, 100, AacFrame);
        source.OnMediaMessage(RtmpMediaType.Audio, 50, AacFrame);
        source.OnMediaMessage(RtmpMediaType.Audio, 123, AacFrame);

        Assert.Equal([0u, 100u, 123u], output.Timestamps);
    }

    [Theory]
    [InlineData(RtmpUnpublishReason.Unpublished, LiveSourceEndReason.Unpublished)]
    [InlineData(RtmpUnpublishReason.ConnectionClosed, LiveSourceEndReason.ConnectionClosed)]
    [InlineData(RtmpUnpublishReason.Timeout, LiveSourceEndReason.Timeout)]
    [InlineData(RtmpUnpublishReason.ProtocolError, LiveSourceEndReason.ProtocolError)]
    public async Task OnUnpublishAsync_AnyReason_EndedRaisedOnceWithIt(RtmpUnpublishReason reason, LiveSourceEndReason expected)
    {
        await using var fixture = new LiveStreamFixture("ended");
        var source = new RtmpLiveSource(fixture.Stream, "c1");
        var reasons = new List<LiveSourceEndReason>();
        source.Ended += (s, r) =>
        {
            Assert.Same(source, s);
            reasons.Add(r);
        };

        Assert.Same(source, fixture.Stream.Source);

        await source.OnUnpublishAsync(reason);
        await source.OnUnpublishAsync(reason);

        Assert.Equal([expected], reasons);
        Assert.Null(fixture.Stream.Source);
    }

    [Fact]
    public async Task StopAsync_SubscribedOutputs_Completed()
    {
        var fixture = new LiveStreamFixture("completed");
        var output = new RecordingOutput();
        fixture.Stream.Subscribe(output);
        new RtmpLiveSource(fixture.Stream, "c1").OnMetadata(new Dictionary<string, object?> { ["encoder"] = "obs-output module" });

        await fixture.DisposeAsync();
        fixture.Stream.OnMediaTag(FlvTagType.Audio, 0, AacConfig);

        Assert.True(output.Completed);
        Assert.Equal(1, output.MetadataCount);
        Assert.Empty(output.Timestamps);
        Assert.Equal("obs-output module", fixture.Stream.Encoder);
    }

    private sealed class RecordingOutput : ILiveMediaOutput
    {
        public List<uint> Timestamps { get; } = [];

        public List<FlvTagType> Types { get; } = [];

        public int MetadataCount { get; private set; }

        public bool Completed { get; private set; }

        public void OnMetadata(IReadOnlyDictionary<string, object?> metadata) => MetadataCount++;

        public void OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody)
        {
            Timestamps.Add(timestampMs);
            Types.Add(type);
        }

        public void Complete() => Completed = true;
    }
}
