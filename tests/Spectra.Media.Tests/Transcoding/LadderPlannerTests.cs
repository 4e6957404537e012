using Spectra.Media.Flv;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Transcoding;

public class LadderPlannerTests
{
    private static readonly AudioCodecInfo Aac = new(FlvAudioCodec.Aac, 48000, 2, "mp4a.40.2");
    private static readonly AudioCodecInfo Mp3 = new(FlvAudioCodec.Mp3, 44100, 2, "mp3");

    private static VideoCodecInfo H264(int width, int height) => new(FlvVideoCodec.H264, width, height, "avc1.64001f");

    private static string[] Names(LadderPlan plan) => plan.Renditions.Select(r => r.Name).ToArray();

    [Fact]
    public void Plan_1080pH264Aac_PassthroughPlus720p480p360p()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1920, 1080), Aac, 30, 6000), new LadderOptions());

        Assert.Equal(["source", "720p", "480p", "360p"], Names(plan));
        Assert.True(plan.Renditions[0].IsPassthrough);
        Assert.Equal((1920, 1080), (plan.Renditions[0].Width, plan.Renditions[0].Height));
        Assert.Equal((1280, 720, 2800), (plan.Renditions[1].Width, plan.Renditions[1].Height, plan.Renditions[1].VideoBitrateKbps));
        Assert.Equal((854, 480, 1400), (plan.Renditions[2].Width, plan.Renditions[2].Height, plan.Renditions[2].VideoBitrateKbps));
        Assert.Equal((640, 360, 800), (plan.Renditions[3].Width, plan.Renditions[3].Height, plan.Renditions[3].VideoBitrateKbps));
        Assert.Equal(LadderWarnings.None, plan.Warnings);
        Assert.True(plan.IncludesAudio);
    }

    [Fact]
    public void Plan_720pSourceWithPassthrough_SkipsRungEqualToSource()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1280, 720), Aac, 30, 3000), new LadderOptions());

        Assert.Equal(["source", "480p", "360p"], Names(plan));
    }

    [Fact]
    public void Plan_360pSource_OnlyPassthrough()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(640, 360), Aac, 30, 800), new LadderOptions());

        Assert.Equal(["source"], Names(plan));
        Assert.Equal(0, plan.EncodedCount);
    }

    [Fact]
    public void Plan_HevcSource_UnsupportedWarningAndNothingPlanned()
    {
        var hevc = new VideoCodecInfo(FlvVideoCodec.Hevc, 1920, 1080, "hevc");

        var plan = LadderPlanner.Plan(new SourceMediaInfo(hevc, Aac, 30, 4000), new LadderOptions());

        Assert.True(plan.Warnings.HasFlag(LadderWarnings.UnsupportedVideoCodec));
        Assert.DoesNotContain(plan.Renditions, r => r.IsPassthrough);
        Assert.False(plan.CanTranscode);
    }

    [Fact]
    public void Plan_AudioOnlyByDefault_NoVideoWarningAndNothingPlanned()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(null, Aac, 0, 128), new LadderOptions());

        Assert.Equal(LadderWarnings.NoVideo, plan.Warnings);
        Assert.False(plan.CanTranscode);
    }

    [Fact]
    public void Plan_AudioOnlyAacWithAudioOnlyRendition_OneAudioPassthroughRendition()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(null, Aac, 0, 130), new LadderOptions { AudioOnlyRendition = true });

        Assert.Equal(LadderWarnings.NoVideo, plan.Warnings);
        Assert.False(plan.IncludesVideo);
        Assert.True(plan.IncludesAudio);
        var audio = Assert.Single(plan.Renditions);
        Assert.Equal(("audio", 0, 0, true, 130), (audio.Name, audio.Width, audio.Height, audio.IsPassthrough, audio.AudioBitrateKbps));
    }

    [Fact]
    public void Plan_AudioOnlyMp3_OneEncodedAudioRenditionAtLowestRungAudioBitrate()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(null, Mp3, 0, 128), new LadderOptions { AudioOnlyRendition = true });

        var audio = Assert.Single(plan.Renditions);
        Assert.Equal(("audio", false, 96), (audio.Name, audio.IsPassthrough, audio.AudioBitrateKbps));
    }

    [Fact]
    public void Plan_AudioOnlyUnsupportedCodec_NothingPlanned()
    {
        var opus = new AudioCodecInfo(FlvAudioCodec.Opus, 48000, 2, "opus");

        var plan = LadderPlanner.Plan(new SourceMediaInfo(null, opus, 0, 128), new LadderOptions { AudioOnlyRendition = true });

        Assert.Equal(LadderWarnings.NoVideo | LadderWarnings.UnsupportedAudioCodec, plan.Warnings);
        Assert.False(plan.CanTranscode);
    }

    [Fact]
    public void Plan_VideoOnly_NoAudioWarningPassthroughAndSilentRungs()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1280, 720), null, 30, 3000), new LadderOptions());

        Assert.Equal(LadderWarnings.NoAudio, plan.Warnings);
        Assert.False(plan.IncludesAudio);
        Assert.Equal(["source", "480p", "360p"], Names(plan));
        Assert.All(plan.Renditions, r => Assert.Equal(0, r.AudioBitrateKbps));
    }

    [Fact]
    public void Plan_Mp3Audio_NoPassthroughAndRungsUpToSourceHeight()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1280, 720), Mp3, 30, 3000), new LadderOptions());

        Assert.Equal(["720p", "480p", "360p"], Names(plan));
        Assert.True(plan.IncludesAudio);
    }

    [Fact]
    public void Plan_UnsupportedAudio_VideoOnlyRenditionsWithWarning()
    {
        var opus = new AudioCodecInfo(FlvAudioCodec.Opus, 48000, 2, "opus");

        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1280, 720), opus, 30, 3000), new LadderOptions());

        Assert.Equal(LadderWarnings.UnsupportedAudioCodec, plan.Warnings);
        Assert.False(plan.IncludesAudio);
        Assert.DoesNotContain(plan.Renditions, r => r.IsPassthrough);
    }

    [Fact]
    public void Plan_SmallSourceWithoutPassthrough_OneRungAtSourceHeight()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(426, 240), Mp3, 30, 500), new LadderOptions());

        var only = Assert.Single(plan.Renditions);
        Assert.Equal(("240p", 426, 240, 800), (only.Name, only.Width, only.Height, only.VideoBitrateKbps));
    }

    [Fact]
    public void Plan_FourByThreeSource_EvenWidthsKeepAspectRatio()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1440, 1080), Aac, 30, 5000), new LadderOptions());

        Assert.Equal([1440, 960, 640, 480], plan.Renditions.Select(r => r.Width).ToArray());
    }

    [Fact]
    public void Plan_PassthroughDisabled_IncludesRungEqualToSource()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1280, 720), Aac, 30, 3000), new LadderOptions { SourcePassthrough = false });

        Assert.Equal(["720p", "480p", "360p"], Names(plan));
    }

    [Fact]
    public void Plan_ConfiguredRenditions_ReplaceDefaults()
    {
        var options = new LadderOptions();
        options.Renditions.Add(new LadderRendition { Name = "low", Height = 240, VideoBitrateKbps = 400, AudioBitrateKbps = 64 });

        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1920, 1080), Aac, 60, 6000), options);

        Assert.Equal(["source", "low"], Names(plan));
        Assert.Equal((426, 400 * 107 / 100, 600), (plan.Renditions[1].Width, plan.Renditions[1].MaxRateKbps, plan.Renditions[1].BufferSizeKbps));
        Assert.Equal(60, plan.FrameRate);
    }

    [Fact]
    public void Plan_UnknownFrameRate_Assumes30()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1920, 1080), Aac, 0, 0), new LadderOptions());

        Assert.Equal(30, plan.FrameRate);
        Assert.Equal(6000, plan.Renditions[0].VideoBitrateKbps);
    }

    [Fact]
    public void Plan_PassthroughMode1080p_OnlySource()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1920, 1080), Aac, 30, 6000), new LadderOptions { Mode = TranscodingMode.Passthrough });

        Assert.Equal(["source"], Names(plan));
        Assert.True(plan.Renditions[0].IsPassthrough);
        Assert.True(plan.IncludesAudio);
        Assert.Equal(0, plan.EncodedCount);
    }

    [Fact]
    public void Plan_PassthroughModeMp3Audio_VideoOnlySourceWithWarning()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(H264(1280, 720), Mp3, 30, 3000), new LadderOptions { Mode = TranscodingMode.Passthrough });

        Assert.Equal(["source"], Names(plan));
        Assert.False(plan.IncludesAudio);
        Assert.Equal(LadderWarnings.UnsupportedAudioCodec, plan.Warnings);
    }

    [Fact]
    public void Plan_PassthroughModeAudioOnlyMp3_NothingPlanned()
    {
        var plan = LadderPlanner.Plan(new SourceMediaInfo(null, Mp3, 0, 128), new LadderOptions { Mode = TranscodingMode.Passthrough, AudioOnlyRendition = true });

        Assert.False(plan.CanTranscode);
    }
}
