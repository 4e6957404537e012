using Spectra.Media.Mp4;
using static Spectra.Media.Tests.TestSupport.Boxes;

namespace Spectra.Media.Tests.Mp4;

public sealed class Mp4CodecStringsTests
{
    [Fact]
    public void FromAvcDecoderConfiguration_HighLevel31_FormatsHex()
    {
        byte[] avcC = [0x01, 0x64, 0x00, 0x1F, 0xFF, 0xE1];

        Assert.Equal("avc1.64001f", Mp4CodecStrings.FromAvcDecoderConfiguration("avc1", avcC));
    }

    [Fact]
    public void FromAvcDecoderConfiguration_ConstrainedBaseline_KeepsCompatibilityByte()
    {
        byte[] avcC = [0x01, 0x42, 0xC0, 0x1E];

        Assert.Equal("avc3.42c01e", Mp4CodecStrings.FromAvcDecoderConfiguration("avc3", avcC));
    }

    [Fact]
    public void FromAvcDecoderConfiguration_WrongVersion_Throws()
    {
        var ex = Assert.Throws<Mp4FormatException>(() => Mp4CodecStrings.FromAvcDecoderConfiguration("avc1", [0x02, 0x64, 0x00, 0x1F]));

        Assert.Contains("configurationVersion is 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAvcDecoderConfiguration_Short_Throws()
    {
        Assert.Throws<Mp4FormatException>(() => Mp4CodecStrings.FromAvcDecoderConfiguration("avc1", [0x01, 0x64]));
    }

    [Fact]
    public void FromHevcDecoderConfiguration_MainLevel31_FormatsAnnexE()
    {
        // Main profile (1), compatible with 1 and 2 (0x60000000), level 93 (3.1), progressive + frame-only (0xB0).
        byte[] hvcC = [0x01, 0x01, 0x60, 0x00, 0x00, 0x00, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x00, 93];

        Assert.Equal("hvc1.1.6.L93.B0", Mp4CodecStrings.FromHevcDecoderConfiguration("hvc1", hvcC));
    }

    [Fact]
    public void FromHevcDecoderConfiguration_Main10HighTier_FormatsAnnexE()
    {
        // profile_space 0, tier 1, profile 2; compatibility 0x20000000 -> reversed 0x4; level 120.
        byte[] hvcC = [0x01, 0x22, 0x20, 0x00, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 120];

        Assert.Equal("hev1.2.4.H120.90", Mp4CodecStrings.FromHevcDecoderConfiguration("hev1", hvcC));
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x10 }, 2)]           // AAC-LC, 44.1 kHz, stereo
    [InlineData(new byte[] { 0x2B, 0x8A }, 5)]           // SBR
    [InlineData(new byte[] { 0xEB, 0x8A }, 29)]          // PS
    [InlineData(new byte[] { 0xF8, 0x20, 0x00 }, 33)]    // escape 31 + 6 bits (1) = 33
    public void ReadAudioObjectType_AudioSpecificConfig_ReturnsType(byte[] asc, int expected)
    {
        Assert.Equal(expected, Mp4CodecStrings.ReadAudioObjectType(asc));
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x10 }, 2)]                   // LC, 44.1 kHz, channel configuration 2
    [InlineData(new byte[] { 0x11, 0x88 }, 1)]                   // LC, 48 kHz, mono
    [InlineData(new byte[] { 0x11, 0xB8 }, 8)]                   // configuration 7 = 7.1
    [InlineData(new byte[] { 0x17, 0x80, 0x00, 0x00, 0x10 }, 2)] // explicit 24-bit sampling frequency
    public void ReadChannelCount_AudioSpecificConfig_ReturnsChannels(byte[] asc, int expected)
    {
        Assert.Equal(expected, Mp4CodecStrings.ReadChannelCount(asc));
    }

    [Fact]
    public void ReadAudioObjectType_EscapeWithoutExtension_Throws()
    {
        Assert.Throws<Mp4FormatException>(() => Mp4CodecStrings.ReadAudioObjectType([0xF8]));
    }

    [Fact]
    public void FromEsds_AacLc_ReturnsMp4a402()
    {
        Assert.Equal("mp4a.40.2", Mp4CodecStrings.FromEsds(Esds(0x40, [0x12, 0x10])));
    }

    [Fact]
    public void FromEsds_MultiByteDescriptorLengths_Parses()
    {
        // ffmpeg writes lengths as 0x80 0x80 0x80 N.
        var esds = Concat(
            U32(0),
            [0x03, 0x80, 0x80, 0x80, 0x19, 0x00, 0x01, 0x00],
            [0x04, 0x80, 0x80, 0x80, 0x11, 0x40, 0x15, 0, 0, 0, 0, 0, 0xFA, 0, 0, 0, 0xFA, 0],
            [0x05, 0x80, 0x80, 0x80, 0x02, 0x11, 0x90]);

        Assert.Equal("mp4a.40.2", Mp4CodecStrings.FromEsds(esds));
    }

    [Fact]
    public void FromEsds_Mp3ObjectType_ReturnsHexIndication()
    {
        Assert.Equal("mp4a.6b", Mp4CodecStrings.FromEsds(Esds(0x6B, [])));
    }

    [Fact]
    public void FromEsds_WrongTag_Throws()
    {
        var ex = Assert.Throws<Mp4FormatException>(() => Mp4CodecStrings.FromEsds(Concat(U32(0), [0x04, 0x00])));

        Assert.Contains("expected ES_Descriptor", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEsds_Truncated_Throws()
    {
        var esds = Esds(0x40, [0x12, 0x10]);

        Assert.Throws<Mp4FormatException>(() => Mp4CodecStrings.FromEsds(esds.AsSpan(0, esds.Length - 4)));
    }

    private static byte[] Esds(byte objectType, byte[] asc)
    {
        byte[] specific = asc.Length > 0 ? [0x05, (byte)asc.Length, .. asc] : [];
        byte[] config = [0x04, (byte)(13 + specific.Length), objectType, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .. specific];
        byte[] es = [0x03, (byte)(3 + config.Length), 0x00, 0x01, 0x00, .. config];
        return Concat(U32(0), es);
    }
}
