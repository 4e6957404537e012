using System.Buffers;
using Spectra.Media.Mp4;
using static Spectra.Media.Tests.TestSupport.Boxes;

namespace Spectra.Media.Tests.Mp4;

public class Fmp4FragmentWriterTests
{
    [Fact]
    public void Write_VideoAndAudio_WritesExactBoxes()
    {
        Fmp4Sample[] videoSamples = [new(3000, 3, true, 6000), new(3000, 2, false, 0)];
        Fmp4Sample[] audioSamples = [new(1024, 2, true, 0)];
        byte[] videoData = [1, 2, 3, 4, 5];
        byte[] audioData = [6, 7];
        var output = new ArrayBufferWriter<byte>();

        int written = Fmp4FragmentWriter.Write(
            output,
            7,
            new Fmp4TrackRun(1, true, 0x1_0000_0002, videoSamples, videoData),
            new Fmp4TrackRun(2, false, 48_000, audioSamples, audioData));

        // moof = 8 + mfhd 16 + video traf (8 + 16 + 20 + 24 + 2 × 12 = 92) + audio traf (8 + 16 + 20 + 20 + 8 = 72) = 188;
        // data offsets count from the first byte of 'moof' to the samples in 'mdat' (after its 8-byte header).
        var expected = Concat(
            Box(
                "moof",
                FullBox("mfhd", 0, 0, U32(7)),
                Box(
                    "traf",
                    FullBox("tfhd", 0, 0x020000, U32(1)),
                    FullBox("tfdt", 1, 0, U64(0x1_0000_0002)),
                    FullBox("trun", 0, 0x000B05, U32(2), U32(196), U32(0x0200_0000), U32(3000), U32(3), U32(6000), U32(3000), U32(2), U32(0))),
                Box(
                    "traf",
                    FullBox("tfhd", 0, 0x020000, U32(2)),
                    FullBox("tfdt", 1, 0, U64(48_000)),
                    FullBox("trun", 0, 0x000301, U32(1), U32(201), U32(1024), U32(2)))),
            Box("mdat", videoData, audioData));
        Assert.Equal(expected, output.WrittenSpan.ToArray());
        Assert.Equal(expected.Length, written);
        Assert.Equal(188, FindTopLevel(expected, "moof").Size);
    }

    [Fact]
    public void Write_NegativeCompositionOffset_UsesTrunVersion1()
    {
        var output = new ArrayBufferWriter<byte>();

        Fmp4FragmentWriter.Write(output, 1, new Fmp4TrackRun(1, true, 0, [new Fmp4Sample(3000, 1, false, -3000)], [9]), default);

        var expected = FullBox("trun", 1, 0x000B05, U32(1), U32(8 + 16 + 8 + 16 + 20 + 36 + 8), U32(0x0101_0000), U32(3000), U32(1), U32(unchecked((uint)-3000)));
        var bytes = output.WrittenSpan.ToArray();
        Assert.Equal(expected, bytes.AsSpan(8 + 16 + 8 + 16 + 20, expected.Length).ToArray());
    }

    [Fact]
    public void Write_AudioOnly_HasOneTraf()
    {
        var output = new ArrayBufferWriter<byte>();

        Fmp4FragmentWriter.Write(output, 1, default, new Fmp4TrackRun(1, false, 0, [new Fmp4Sample(1024, 1, true, 0)], [9]));

        var moof = Mp4FragmentParser.Parse(output.WrittenSpan, 0, Mp4InitSegmentParser.Parse(AudioOnlyInit()));
        var track = Assert.Single(moof.Tracks);
        Assert.Equal((1u, 1, 1024ul, true), (track.TrackId, track.SampleCount, track.Duration, track.FirstSampleIsSync));
    }

    [Fact]
    public void Write_ParsedByFragmentParser_ReportsSyncDurationAndDecodeTime()
    {
        var movie = Mp4InitSegmentParser.Parse(Fmp4InitSegmentWriterTests.WriteInit());
        var output = new ArrayBufferWriter<byte>();
        Fmp4FragmentWriter.Write(
            output,
            3,
            new Fmp4TrackRun(1, true, 90_000, [new(3000, 2, true, 0), new(3060, 1, false, 3000)], [1, 2, 3]),
            new Fmp4TrackRun(2, false, 48_000, [new(1024, 1, true, 0), new(1024, 1, true, 0)], [4, 5]));

        var info = Mp4FragmentParser.Parse(output.WrittenSpan[..FindTopLevel(output.WrittenSpan.ToArray(), "moof").Size], 0, movie);

        Assert.Equal(3u, info.SequenceNumber);
        var video = info.FindTrack(1)!.Value;
        Assert.Equal((90_000ul, 2, 6060ul, 3ul, true, 1), (video.BaseMediaDecodeTime, video.SampleCount, video.Duration, video.DataSize, video.FirstSampleIsSync, video.SyncSampleCount));
        var audio = info.FindTrack(2)!.Value;
        Assert.Equal((48_000ul, 2, 2048ul, 2ul, 2), (audio.BaseMediaDecodeTime, audio.SampleCount, audio.Duration, audio.DataSize, audio.SyncSampleCount));
    }

    [Fact]
    public void Write_NoSamples_Throws() =>
        Assert.Throws<ArgumentException>(() => Fmp4FragmentWriter.Write(new ArrayBufferWriter<byte>(), 1, default, default));

    private static byte[] AudioOnlyInit()
    {
        var output = new ArrayBufferWriter<byte>();
        Fmp4InitSegmentWriter.Write(output, null, new Fmp4AudioTrack(Fmp4InitSegmentWriterTests.Asc, 48_000, 2));
        return output.WrittenSpan.ToArray();
    }
}
