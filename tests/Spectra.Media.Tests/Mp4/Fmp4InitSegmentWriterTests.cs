using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Spectra.Media.Mp4;
using static Spectra.Media.Tests.TestSupport.Boxes;

namespace Spectra.Media.Tests.Mp4;

public class Fmp4InitSegmentWriterTests
{
    // AVCDecoderConfigurationRecord of a 320x240 High profile stream (libx264), ISO/IEC 14496-15 §5.3.3.1.
    internal static readonly byte[] AvcC =
    [
        0x01, 0x64, 0x00, 0x0D, 0xFF, 0xE1, 0x00, 0x19, 0x67, 0x64, 0x00, 0x0D, 0xAC, 0xD9, 0x41, 0x41,
        0xFB, 0x01, 0x10, 0x00, 0x00, 0x03, 0x00, 0x10, 0x00, 0x00, 0x03, 0x03, 0xC0, 0xF1, 0x42, 0x99,
        0x60, 0x01, 0x00, 0x06, 0x68, 0xEB, 0xE3, 0xCB, 0x22, 0xC0,
    ];

    // AAC-LC, 48 kHz (index 3), stereo: 00010 0011 0010 000 (ISO/IEC 14496-3 §1.6.2.1).
    internal static readonly byte[] Asc = [0x11, 0x90];

    [Fact]
    public void Write_VideoAndAudio_StartsWithFtyp()
    {
        var init = WriteInit();

        var expected = Box("ftyp", Ascii("iso6"), U32(0), Ascii("iso6"), Ascii("cmfc"), Ascii("isom"), Ascii("mp41"));
        Assert.Equal(expected, init[..expected.Length]);
    }

    [Fact]
    public void Write_VideoAndAudio_CopiesAvcCVerbatim()
    {
        var init = WriteInit();

        int at = IndexOf(init, "avcC");
        Assert.Equal((uint)(8 + AvcC.Length), BinaryPrimitives.ReadUInt32BigEndian(init.AsSpan(at - 4)));
        Assert.Equal(AvcC, init.AsSpan(at + 4, AvcC.Length).ToArray());
    }

    [Fact]
    public void Write_VideoAndAudio_WritesEsdsAroundAudioSpecificConfig()
    {
        var init = WriteInit();

        // ES_Descriptor(3) len 25: ES_ID=2 flags=0 | DecoderConfigDescriptor(4) len 17: 0x40 audio 14496-3,
        // 0x15 = streamType 5 << 2 | reserved 1, bufferSizeDB 0, max 0, avg 0 | DecoderSpecificInfo(5) len 2: ASC |
        // SLConfigDescriptor(6) len 1: predefined 2.
        var expected = FullBox(
            "esds", 0, 0,
            [0x03, 25, 0x00, 0x02, 0x00],
            [0x04, 17, 0x40, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            [0x05, 2, .. Asc],
            [0x06, 1, 0x02]);
        int at = IndexOf(init, "esds") - 4;
        Assert.Equal(expected, init.AsSpan(at, expected.Length).ToArray());
    }

    [Fact]
    public void Write_VideoAndAudio_WritesTrexDefaults()
    {
        var init = WriteInit();

        int at = IndexOf(init, "mvex") - 4;
        var expected = Box(
            "mvex",
            FullBox("trex", 0, 0, U32(1), U32(1), U32(0), U32(0), U32(0x0101_0000)),
            FullBox("trex", 0, 0, U32(2), U32(1), U32(0), U32(0), U32(0x0200_0000)));
        Assert.Equal(expected, init.AsSpan(at, expected.Length).ToArray());
        Assert.Equal(init.Length, at + expected.Length);
    }

    [Fact]
    public void Write_VideoAndAudio_ParsesAsFragmentedMovie()
    {
        var movie = Mp4InitSegmentParser.Parse(WriteInit());

        Assert.True(movie.IsFragmented);
        Assert.Equal(1000u, movie.Timescale);
        var video = Assert.IsType<Mp4TrackInfo>(movie.Video);
        Assert.Equal((1u, 90_000u, "avc1.64000d", 320, 240), (video.TrackId, video.Timescale, video.Codec, video.Width, video.Height));
        Assert.Equal(0x0101_0000u, video.Defaults.SampleFlags);
        var audio = Assert.IsType<Mp4TrackInfo>(movie.Audio);
        Assert.Equal((2u, 48_000u, "mp4a.40.2", 48_000, 2), (audio.TrackId, audio.Timescale, audio.Codec, audio.SampleRate, audio.ChannelCount));
    }

    [Fact]
    public void Write_AudioOnly_UsesTrackOne()
    {
        var output = new ArrayBufferWriter<byte>();
        Fmp4InitSegmentWriter.Write(output, null, new Fmp4AudioTrack(Asc, 48_000, 2));

        var movie = Mp4InitSegmentParser.Parse(output.WrittenSpan);
        Assert.Null(movie.Video);
        Assert.Equal(1u, movie.Audio!.TrackId);
    }

    [Fact]
    public void Write_VideoOnly_HasOneTrack()
    {
        var output = new ArrayBufferWriter<byte>();
        Fmp4InitSegmentWriter.Write(output, new Fmp4VideoTrack(AvcC, 320, 240), null);

        var movie = Mp4InitSegmentParser.Parse(output.WrittenSpan);
        Assert.Single(movie.Tracks);
        Assert.Null(movie.Audio);
    }

    [Fact]
    public void Write_NoTrack_Throws() =>
        Assert.Throws<ArgumentException>(() => Fmp4InitSegmentWriter.Write(new ArrayBufferWriter<byte>(), null, null));

    internal static byte[] WriteInit()
    {
        var output = new ArrayBufferWriter<byte>();
        int written = Fmp4InitSegmentWriter.Write(output, new Fmp4VideoTrack(AvcC, 320, 240), new Fmp4AudioTrack(Asc, 48_000, 2));
        Assert.Equal(output.WrittenCount, written);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] Ascii(string fourCc) => Encoding.ASCII.GetBytes(fourCc);

    private static int IndexOf(byte[] data, string type)
    {
        int at = data.AsSpan().IndexOf(Encoding.ASCII.GetBytes(type));
        Assert.True(at >= 4, $"No '{type}' box.");
        return at;
    }
}
