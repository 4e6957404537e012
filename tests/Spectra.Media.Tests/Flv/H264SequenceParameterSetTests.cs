using Spectra.Media.Flv;

namespace Spectra.Media.Tests.Flv;

public class H264SequenceParameterSetTests
{
    // SPS NAL units produced by libx264 (emulation prevention bytes included).
    [Theory]
    [InlineData("67640028acd940780227e5c044000003000400000300f03c60c658", 1920, 1080, 100, 40)] // 1088 coded, 8 rows cropped
    [InlineData("6764001facd9405005bb0110000003001000000303c0f1831960", 1280, 720, 100, 31)]
    [InlineData("6764001facd940d83de6f0110000030001000003003c0f183196", 854, 480, 100, 31)]    // 864 coded, 10 columns cropped
    [InlineData("6764001eacd940a02ff970110000030001000003003c0f162d96", 640, 360, 100, 30)]    // 368 coded
    [InlineData("6742c01ed900a03db0110000030001000003003c0f162e48", 640, 480, 66, 30)]         // Baseline: no chroma_format_idc
    [InlineData("677a001fbcd9405005bb0110000003001000000303c0f1831960", 1280, 720, 122, 31)]   // High 4:2:2
    public void TryParse_X264Sps_ReadsProfileLevelAndCroppedSize(string hex, int width, int height, int profile, int level)
    {
        Assert.True(H264SequenceParameterSet.TryParse(Convert.FromHexString(hex), out var sps));

        Assert.NotNull(sps);
        Assert.Equal((width, height), (sps.Width, sps.Height));
        Assert.Equal((byte)profile, sps.ProfileIdc);
        Assert.Equal((byte)level, sps.LevelIdc);
        Assert.True(sps.FrameMbsOnly);
    }

    [Fact]
    public void TryParse_High422_ReadsChromaFormat()
    {
        Assert.True(H264SequenceParameterSet.TryParse(Convert.FromHexString("677a001fbcd9405005bb0110000003001000000303c0f1831960"), out var sps));

        Assert.Equal(2u, sps!.ChromaFormatIdc);
    }

    [Theory]
    [InlineData("68ebe3cb22c0")]   // PPS, not an SPS
    [InlineData("6764001fac")]     // truncated
    [InlineData("")]
    public void TryParse_NotACompleteSps_ReturnsFalse(string hex)
    {
        Assert.False(H264SequenceParameterSet.TryParse(Convert.FromHexString(hex), out var sps));
        Assert.Null(sps);
    }
}
