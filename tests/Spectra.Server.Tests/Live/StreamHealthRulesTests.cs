using Spectra.Media.Live;
using Spectra.Server.Live;

namespace Spectra.Server.Tests.Live;

public sealed class StreamHealthRulesTests
{
    private static readonly LiveOptions Options = new();

    private static StreamHealth Sample(string? video = "avc1.64001f", string? audio = "mp4a.40.2", double? keyframe = 1, double? speed = 1.0, IReadOnlyList<StreamHealthWarning>? warnings = null) =>
        new(3000, 30, keyframe, video, audio, 1280, 720, 0, 0, speed, warnings ?? [], DateTime.UtcNow);

    [Fact]
    public void Evaluate_HealthyH264Aac_NoWarnings() =>
        Assert.Empty(StreamHealthRules.Evaluate(Sample(), Options));

    [Fact]
    public void Evaluate_KeyframeIntervalOverFourSeconds_Warns()
    {
        var warning = Assert.Single(StreamHealthRules.Evaluate(Sample(keyframe: 5), Options));
        Assert.Equal(StreamHealthWarning.KeyframeInterval, warning.Code);
        Assert.Contains("5 s", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_KeyframeIntervalExactlyFourSeconds_NoWarning() =>
        Assert.Empty(StreamHealthRules.Evaluate(Sample(keyframe: 4), Options));

    [Fact]
    public void Evaluate_Hevc_WarnsUnsupportedVideoCodec() =>
        Assert.Equal(StreamHealthWarning.UnsupportedVideoCodec, Assert.Single(StreamHealthRules.Evaluate(Sample(video: "hevc"), Options)).Code);

    [Fact]
    public void Evaluate_AudioOnly_WarnsNoVideo() =>
        Assert.Equal(StreamHealthWarning.NoVideo, Assert.Single(StreamHealthRules.Evaluate(Sample(video: null), Options)).Code);

    [Fact]
    public void Evaluate_OpusAudio_WarnsUnsupportedAudioCodec() =>
        Assert.Equal(StreamHealthWarning.UnsupportedAudioCodec, Assert.Single(StreamHealthRules.Evaluate(Sample(audio: "opus"), Options)).Code);

    [Fact]
    public void Evaluate_TranscoderBelowRealTime_WarnsSlow() =>
        Assert.Equal(StreamHealthWarning.TranscoderSlow, Assert.Single(StreamHealthRules.Evaluate(Sample(speed: 0.7), Options)).Code);

    [Fact]
    public void Evaluate_MediaPlaneAlreadyWarned_NotDuplicated()
    {
        var reported = new StreamHealthWarning(StreamHealthWarning.KeyframeInterval, "from the media plane");
        var warnings = StreamHealthRules.Evaluate(Sample(keyframe: 8, warnings: [reported]), Options);
        Assert.Equal("from the media plane", Assert.Single(warnings).Message);
    }
}
