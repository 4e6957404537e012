using Spectra.Media.Flv;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Transcoding;

public class TranscodeCommandTests
{
    private static readonly TimeSpan Part = new PackagerOptions().PartTargetDuration;

    private static LadderPlan Plan1080(LadderOptions options) => LadderPlanner.Plan(
        new SourceMediaInfo(new VideoCodecInfo(FlvVideoCodec.H264, 1920, 1080, "avc1.640028"), new AudioCodecInfo(FlvAudioCodec.Aac, 48000, 2, "mp4a.40.2"), 30, 6000),
        options);

    private static string[] Urls(LadderPlan plan) => plan.Renditions.Select((_, i) => $"unix:/tmp/x/{i}.sock").ToArray();

    private static List<int> IndexesOf(IReadOnlyList<string> arguments, string value) =>
        arguments.Select((a, i) => (a, i)).Where(t => t.a == value).Select(t => t.i).ToList();

    [Fact]
    public void FilterGraph_LadderWithThumbnails_SplitsDecodedSourceOncePerBranch()
    {
        var options = new LadderOptions();

        string? graph = FfmpegFilterGraph.Build(Plan1080(options), options);

        Assert.Equal(
            "[0:v:0]split=4[s0][s1][s2][s3];" +
            "[s0]scale=1280:720,format=yuv420p[v1];" +
            "[s1]scale=854:480,format=yuv420p[v2];" +
            "[s2]scale=640:360,format=yuv420p[v3];" +
            "[s3]select='isnan(prev_selected_t)+gte(t-prev_selected_t,30)',scale=-2:360,format=yuvj420p[thumb]",
            graph);
    }

    [Fact]
    public void FilterGraph_PassthroughOnlyWithoutThumbnails_IsNull()
    {
        var options = new LadderOptions { ThumbnailIntervalSeconds = 0 };
        var plan = LadderPlanner.Plan(new SourceMediaInfo(new VideoCodecInfo(FlvVideoCodec.H264, 640, 360, "avc1"), null, 30, 800), options);

        Assert.Null(FfmpegFilterGraph.Build(plan, options));
    }

    [Fact]
    public void FilterGraph_SingleBranch_UsesNullFilterInsteadOfSplit()
    {
        var options = new LadderOptions();
        var plan = LadderPlanner.Plan(new SourceMediaInfo(new VideoCodecInfo(FlvVideoCodec.H264, 640, 360, "avc1"), null, 30, 800), options);

        Assert.Equal("[0:v:0]null[s0];[s0]select='isnan(prev_selected_t)+gte(t-prev_selected_t,30)',scale=-2:360,format=yuvj420p[thumb]",
            FfmpegFilterGraph.Build(plan, options));
    }

    [Fact]
    public void VideoArguments_EncodedRendition_FixedGopNoSceneCutForcedKeyframes()
    {
        var options = new LadderOptions();
        var plan = Plan1080(options);
        var arguments = new List<string>();

        FfmpegVideoArguments.AppendEncoded(arguments, 1, plan.Renditions[1], plan, options);

        Assert.Equal(
            ["-map", "[v1]", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-profile:v", "high",
             "-b:v", "2800k", "-maxrate", "2996k", "-bufsize", "4200k", "-g", "30", "-sc_threshold", "0",
             "-force_key_frames", "expr:gte(t,n_forced*1)"],
            arguments);
    }

    [Fact]
    public void VideoArguments_SourceAlignmentAndFractionalGop_UseInvariantFormatting()
    {
        var options = new LadderOptions { GopSeconds = 0.5 };
        Assert.Equal("expr:gte(t,n_forced*0.5)", FfmpegVideoArguments.KeyframeExpression(options));

        options.KeyframeAlignment = KeyframeAlignment.Source;
        Assert.Equal("source", FfmpegVideoArguments.KeyframeExpression(options));
        Assert.Equal(300, FfmpegVideoArguments.GopFrames(Plan1080(options), options));
    }

    [Fact]
    public void AudioArguments_PassthroughCopiesEncodedUsesAacAndNoAudioPlanDisablesAudio()
    {
        var options = new LadderOptions();
        var plan = Plan1080(options);
        var copy = new List<string>();
        var encoded = new List<string>();
        var none = new List<string>();
        var silentPlan = plan with { IncludesAudio = false };

        FfmpegAudioArguments.AppendTo(copy, plan.Renditions[0], plan);
        FfmpegAudioArguments.AppendTo(encoded, plan.Renditions[3], plan);
        FfmpegAudioArguments.AppendTo(none, plan.Renditions[3], silentPlan);

        Assert.Equal(["-map", "0:a:0", "-c:a", "copy"], copy);
        Assert.Equal(["-map", "0:a:0", "-c:a", "aac", "-b:a", "96k"], encoded);
        Assert.Equal(["-an"], none);
    }

    [Fact]
    public void OutputArguments_FragmentDuration_AddsMicroseconds()
    {
        var arguments = new List<string>();

        FfmpegOutputArguments.AppendFragmentedMp4(arguments, "unix:/tmp/a.sock", new PackagerOptions().PartTargetDuration);

        Assert.Equal(["-f", "mp4", "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "333333",
            "-flush_packets", "1", "unix:/tmp/a.sock"], arguments);
    }

    [Fact]
    public void Build_Ladder_FlvOnStdinOneFilterGraphOneOutputPerRenditionAndThumbnailsOnStdout()
    {
        var options = new LadderOptions();
        var plan = Plan1080(options);

        var arguments = TranscodeCommand.Build(plan, options, Urls(plan), Part);

        int input = IndexesOf(arguments, "-i").Single();
        Assert.Equal(("-f", "flv", "pipe:0"), (arguments[input - 2], arguments[input - 1], arguments[input + 1]));
        Assert.Single(IndexesOf(arguments, "-filter_complex"));
        Assert.Equal(Urls(plan), arguments.Where(a => a.StartsWith("unix:", StringComparison.Ordinal)).ToArray());
        Assert.Equal(4, IndexesOf(arguments, "+frag_keyframe+empty_moov+default_base_moof").Count);
        Assert.Equal("pipe:1", arguments[^1]);
        // Every encoder shares the GOP length and keyframe times.
        Assert.All(IndexesOf(arguments, "-g"), i => Assert.Equal("30", arguments[i + 1]));
        Assert.Equal(3, IndexesOf(arguments, "-force_key_frames").Count);
        Assert.Equal(3, IndexesOf(arguments, "-sc_threshold").Count);
    }

    [Fact]
    public void Build_AudioOnlyPlan_NoVideoNoFilterGraphNoThumbnails()
    {
        var options = new LadderOptions { AudioOnlyRendition = true };
        var plan = LadderPlanner.Plan(new SourceMediaInfo(null, new AudioCodecInfo(FlvAudioCodec.Aac, 44100, 2, "mp4a.40.2"), 0, 128), options);

        var arguments = TranscodeCommand.Build(plan, options, ["unix:/tmp/a.sock"], Part);

        Assert.DoesNotContain("-filter_complex", arguments);
        Assert.DoesNotContain("pipe:1", arguments);
        int vn = arguments.ToList().IndexOf("-vn");
        Assert.Equal(["-vn", "-map", "0:a:0", "-c:a", "copy", "-f", "mp4"], arguments.Skip(vn).Take(7).ToArray());
        Assert.Equal("unix:/tmp/a.sock", arguments[^1]);
    }

    [Fact]
    public void Build_WrongNumberOfUrls_Throws()
    {
        var options = new LadderOptions();
        var plan = Plan1080(options);

        Assert.Throws<ArgumentException>(() => TranscodeCommand.Build(plan, options, ["unix:/tmp/only.sock"], Part));
    }

    [Fact]
    public void Build_EmptyPlan_Throws()
    {
        var plan = new LadderPlan([], false, 30, LadderWarnings.NoVideo);

        Assert.Throws<ArgumentException>(() => TranscodeCommand.Build(plan, new LadderOptions(), [], Part));
    }
}
