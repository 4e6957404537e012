using Spectra.Media.Mp4;
using Spectra.Media.Tests.TestSupport;
using static Spectra.Media.Tests.TestSupport.Boxes;

namespace Spectra.Media.Tests.Mp4;

public sealed class Mp4FragmentParserTests
{
    private const uint SyncFlags = 0x0200_0000;     // depends_on = 2 (I-frame), is_non_sync = 0
    private const uint NonSyncFlags = 0x0101_0000;  // depends_on = 1, is_non_sync = 1

    private static readonly Mp4MovieInfo Movie = new(
        1000,
        [new Mp4TrackInfo(1, Mp4TrackKind.Video, 90000, Mp4BoxType.Avc1, "avc1.64001f", 640, 360, 0, 0, new Mp4TrackDefaults(3000, 0, NonSyncFlags))],
        IsFragmented: true);

    [Fact]
    public void Parse_DefaultsAndFirstSampleFlags_SumsSamples()
    {
        var moof = Box(
            "moof",
            FullBox("mfhd", 0, 0, U32(7)),
            Box(
                "traf",
                FullBox("tfhd", 0, 0x020000 | 0x08 | 0x20, U32(1), U32(512), U32(NonSyncFlags)),
                FullBox("tfdt", 1, 0, U64(1UL << 33)),
                FullBox("trun", 0, 0x001 | 0x004 | 0x200, U32(3), U32(0), U32(SyncFlags), U32(100), U32(200), U32(300))));

        var info = Mp4FragmentParser.Parse(moof, 0, Movie);

        Assert.Equal(7u, info.SequenceNumber);
        var track = Assert.Single(info.Tracks);
        Assert.Equal(new Mp4TrackFragment(1, 1UL << 33, true, 3, 1536, 600, FirstSampleIsSync: true, SyncSampleCount: 1), track);
    }

    [Fact]
    public void Parse_PerSampleFields_ReadsDurationsFlagsAndCompositionOffsets()
    {
        var moof = Box(
            "moof",
            FullBox("mfhd", 0, 0, U32(1)),
            Box(
                "traf",
                FullBox("tfhd", 0, 0x020000, U32(1)),
                FullBox("tfdt", 0, 0, U32(90000)),
                FullBox(
                    "trun", 0, 0x100 | 0x200 | 0x400 | 0x800, U32(2),
                    U32(3000), U32(10), U32(NonSyncFlags), U32(0),
                    U32(6000), U32(20), U32(SyncFlags), U32(3000))));

        var track = Assert.Single(Mp4FragmentParser.Parse(moof, 0, Movie).Tracks);

        Assert.Equal(90000UL, track.BaseMediaDecodeTime);
        Assert.Equal(9000UL, track.Duration);
        Assert.Equal(30UL, track.DataSize);
        Assert.False(track.FirstSampleIsSync);
        Assert.Equal(1, track.SyncSampleCount);
    }

    [Fact]
    public void Parse_NoTfhdDefaults_UsesTrexDefaults()
    {
        var moof = Box("moof", Box("traf", FullBox("tfhd", 0, 0x020000, U32(1)), FullBox("trun", 0, 0x200, U32(2), U32(5), U32(5))));

        var track = Assert.Single(Mp4FragmentParser.Parse(moof, 0, Movie).Tracks);

        Assert.Equal(6000UL, track.Duration);
        Assert.False(track.FirstSampleIsSync);
        Assert.False(track.HasDecodeTime);
    }

    [Fact]
    public void Parse_ExplicitBaseDataOffset_Throws()
    {
        var moof = Box("moof", Box("traf", FullBox("tfhd", 0, 0x01, U32(1), U64(1234))));

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4FragmentParser.Parse(moof, 1000, Movie));

        Assert.Equal(Mp4BoxType.Tfhd, ex.BoxType);
        Assert.Equal(1016, ex.Offset);
        Assert.Contains("default_base_moof", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTrack_Throws()
    {
        var moof = Box("moof", Box("traf", FullBox("tfhd", 0, 0x020000, U32(9))));

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4FragmentParser.Parse(moof, 0, Movie));

        Assert.Contains("names track 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SampleCountBeyondBox_ThrowsWithoutLooping()
    {
        var moof = Box("moof", Box("traf", FullBox("tfhd", 0, 0x020000, U32(1)), FullBox("trun", 0, 0x200, U32(1_000_000_000), U32(5))));

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4FragmentParser.Parse(moof, 0, Movie));

        Assert.Equal(Mp4BoxType.Trun, ex.BoxType);
        Assert.Contains("declares 1000000000 samples of 4 bytes but only 4 bytes remain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrunBeforeTfhd_Throws()
    {
        var moof = Box("moof", Box("traf", FullBox("trun", 0, 0, U32(0)), FullBox("tfhd", 0, 0x020000, U32(1))));

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4FragmentParser.Parse(moof, 0, Movie));

        Assert.Contains("comes before the 'tfhd'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrafWithoutTfhd_Throws()
    {
        var ex = Assert.Throws<Mp4FormatException>(() => Mp4FragmentParser.Parse(Box("moof", Box("traf")), 0, Movie));

        Assert.Contains("has no 'tfhd'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotMoof_Throws()
    {
        var ex = Assert.Throws<Mp4FormatException>(() => Mp4FragmentParser.Parse(Box("mdat"), 0, Movie));

        Assert.Contains("Expected 'moof'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GoldenFile_KeyframesEverySecondAndExactDurations()
    {
        var file = TestFiles.Read(TestFiles.AvcAac);
        var movie = Mp4InitSegmentParser.Parse(Mp4InitSegmentParserTests.InitOf(file));
        var syncDecodeTimes = new List<ulong>();
        ulong videoDuration = 0;
        ulong audioDuration = 0;
        for (var i = 0; ; i++)
        {
            (int Offset, int Size) moof;
            try
            {
                moof = FindTopLevel(file, "moof", i);
            }
            catch (InvalidOperationException)
            {
                break;
            }

            var info = Mp4FragmentParser.Parse(file.AsSpan(moof.Offset, moof.Size), moof.Offset, movie);
            Assert.Equal((uint)(i + 1), info.SequenceNumber);
            if (info.FindTrack(1) is { } video)
            {
                videoDuration += video.Duration;
                if (video.FirstSampleIsSync)
                {
                    syncDecodeTimes.Add(video.BaseMediaDecodeTime);
                }
            }

            audioDuration += info.FindTrack(2)?.Duration ?? 0;
        }

        // 120 frames of 512 ticks at 15360 Hz; a keyframe each second (GOP 30 at 30 fps).
        Assert.Equal(61440UL, videoDuration);
        Assert.Equal([0UL, 15360, 30720, 46080], syncDecodeTimes);
        // Audio runs up to a few AAC frames (1024 samples) past the video.
        Assert.InRange(audioDuration, 4UL * 48000, (4UL * 48000) + (4 * 1024));
    }
}
