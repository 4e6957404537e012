using Spectra.Media.Mp4;
using Spectra.Media.Tests.TestSupport;
using static Spectra.Media.Tests.TestSupport.Boxes;

namespace Spectra.Media.Tests.Mp4;

public sealed class Mp4InitSegmentParserTests
{
    [Fact]
    public void Parse_GoldenAvcAac_ReadsBothTracks()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);

        var movie = Mp4InitSegmentParser.Parse(InitOf(file));

        Assert.Equal(1000u, movie.Timescale);
        Assert.True(movie.IsFragmented);
        Assert.Equal(2, movie.Tracks.Count);
        var video = movie.Video!;
        Assert.Equal(1u, video.TrackId);
        Assert.Equal(Mp4TrackKind.Video, video.Kind);
        Assert.Equal(15360u, video.Timescale);
        Assert.Equal(Mp4BoxType.Avc1, video.SampleEntry);
        Assert.Equal((640, 360), (video.Width, video.Height));
        Assert.Equal("avc1.64001e", video.Codec);
        var audio = movie.Audio!;
        Assert.Equal(2u, audio.TrackId);
        Assert.Equal(48000u, audio.Timescale);
        Assert.Equal(Mp4BoxType.Mp4a, audio.SampleEntry);
        Assert.Equal("mp4a.40.2", audio.Codec);
        Assert.Equal(48000, audio.SampleRate);
        Assert.Equal(1, audio.ChannelCount);
        Assert.Equal("avc1.64001e,mp4a.40.2", movie.Codecs);
    }

    [Fact]
    public void Parse_GoldenHevc_DetectsHvc1()
    {
        var movie = Mp4InitSegmentParser.Parse(InitOf(TestFiles.Read(TestFiles.Hevc)));

        var video = Assert.Single(movie.Tracks);
        Assert.Equal(Mp4BoxType.Hvc1, video.SampleEntry);
        Assert.Equal((320, 180), (video.Width, video.Height));
        Assert.Equal("hvc1.1.6.L60.90", video.Codec);
        Assert.Equal("hvc1.1.6.L60.90", movie.Codecs);
    }

    [Fact]
    public void Parse_GoldenAudioOnly_ReadsAudio()
    {
        var movie = Mp4InitSegmentParser.Parse(InitOf(TestFiles.Read(TestFiles.AacOnly)));

        Assert.Null(movie.Video);
        Assert.Equal(44100, movie.Audio!.SampleRate);
        Assert.Equal("mp4a.40.2", movie.Codecs);
    }

    [Fact]
    public void Parse_NoMoov_Throws()
    {
        var ex = Assert.Throws<Mp4FormatException>(() => Mp4InitSegmentParser.Parse(Box("ftyp", Zeros(8))));

        Assert.Contains("No 'moov'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoovWithoutTracks_Throws()
    {
        var mvhd = FullBox("mvhd", 0, 0, U32(0), U32(0), U32(1000), U32(0), Zeros(80));

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4InitSegmentParser.Parse(Box("moov", mvhd)));

        Assert.Contains("has no 'trak'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedTkhd_NamesFieldAndOffset()
    {
        var tkhd = FullBox("tkhd", 0, 3, U32(0), U32(0), U32(1));
        var moov = Box("moov", FullBox("mvhd", 0, 0, U32(0), U32(0), U32(1000), U32(0)), Box("trak", tkhd));

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4InitSegmentParser.Parse(moov));

        Assert.Equal(Mp4BoxType.Tkhd, ex.BoxType);
        // moov(8) + mvhd(28) + trak header(8) + tkhd header(8) + version/flags, times, track_ID (16).
        Assert.Equal(68, ex.Offset);
        Assert.Contains("field 'reserved'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CorruptedAvcC_ThrowsAtItsOffset()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var init = InitOf(file).ToArray();
        var at = IndexOf(init, "avcC"u8) + 4;
        init[at] = 7;

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4InitSegmentParser.Parse(init));

        Assert.Equal(at - 8, ex.Offset);
        Assert.Contains("configurationVersion is 7", ex.Message, StringComparison.Ordinal);
    }

    internal static ReadOnlySpan<byte> InitOf(byte[] file)
    {
        var (offset, _) = FindTopLevel(file, "moof");
        return file.AsSpan(0, offset);
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> needle) => data.AsSpan().IndexOf(needle);
}
