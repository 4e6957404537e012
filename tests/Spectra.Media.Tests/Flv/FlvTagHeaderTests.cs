using Spectra.Media.Flv;

namespace Spectra.Media.Tests.Flv;

public class FlvTagHeaderTests
{
    [Fact]
    public void VideoTryParse_AvcSequenceHeader_IsKeyframeSequenceHeader()
    {
        Assert.True(FlvVideoTagHeader.TryParse(Convert.FromHexString("1700000000014d"), out var header));

        Assert.Equal(FlvVideoFrameType.Keyframe, header.FrameType);
        Assert.Equal(FlvVideoCodec.H264, header.Codec);
        Assert.True(header.IsSequenceHeader);
        Assert.Equal(5, header.PayloadOffset);
    }

    [Fact]
    public void VideoTryParse_AvcInterFrame_ReadsNegativeCompositionTime()
    {
        Assert.True(FlvVideoTagHeader.TryParse(Convert.FromHexString("2701FFFFD6000000"), out var header));

        Assert.Equal(FlvVideoFrameType.InterFrame, header.FrameType);
        Assert.False(header.IsSequenceHeader);
        Assert.Equal(-42, header.CompositionTimeMs);
    }

    [Fact]
    public void VideoTryParse_HevcCodecId12_IsHevc()
    {
        Assert.True(FlvVideoTagHeader.TryParse(Convert.FromHexString("1C00000000"), out var header));

        Assert.Equal(FlvVideoCodec.Hevc, header.Codec);
        Assert.True(header.IsSequenceHeader);
    }

    [Fact]
    public void VideoTryParse_EnhancedHvc1SequenceStart_IsHevcKeyframeSequenceHeader()
    {
        // 1 | FrameType 001 | PacketType 0000 | 'hvc1'
        Assert.True(FlvVideoTagHeader.TryParse(Convert.FromHexString("9068766331010203"), out var header));

        Assert.True(header.IsEnhanced);
        Assert.Equal(FlvVideoCodec.Hevc, header.Codec);
        Assert.Equal(FlvVideoFrameType.Keyframe, header.FrameType);
        Assert.True(header.IsSequenceHeader);
        Assert.Equal(5, header.PayloadOffset);
    }

    [Fact]
    public void VideoTryParse_EnhancedHvc1CodedFrames_ReadsCompositionTime()
    {
        Assert.True(FlvVideoTagHeader.TryParse(Convert.FromHexString("A16876633100002100"), out var header));

        Assert.Equal(FlvVideoFrameType.InterFrame, header.FrameType);
        Assert.False(header.IsSequenceHeader);
        Assert.Equal(33, header.CompositionTimeMs);
        Assert.Equal(8, header.PayloadOffset);
    }

    [Theory]
    [InlineData("9061763031", FlvVideoCodec.Av1)]
    [InlineData("9076703039", FlvVideoCodec.Vp9)]
    [InlineData("24", FlvVideoCodec.Vp6)]
    [InlineData("22", FlvVideoCodec.SorensonH263)]
    public void VideoTryParse_OtherCodecs_AreNamed(string hex, object codec)
    {
        Assert.True(FlvVideoTagHeader.TryParse(Convert.FromHexString(hex), out var header));

        Assert.Equal(codec, header.Codec);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1700")]
    [InlineData("90687663")]
    public void VideoTryParse_Truncated_ReturnsFalse(string hex)
    {
        Assert.False(FlvVideoTagHeader.TryParse(Convert.FromHexString(hex), out _));
    }

    [Fact]
    public void AudioTryParse_AacSequenceHeader_IsSequenceHeader()
    {
        Assert.True(FlvAudioTagHeader.TryParse(Convert.FromHexString("AF001210"), out var header));

        Assert.Equal(FlvAudioCodec.Aac, header.Codec);
        Assert.True(header.IsSequenceHeader);
        Assert.Equal(2, header.PayloadOffset);
    }

    [Theory]
    [InlineData("2F", FlvAudioCodec.Mp3)]
    [InlineData("E2", FlvAudioCodec.Mp3)]
    [InlineData("B6", FlvAudioCodec.Speex)]
    [InlineData("7E", FlvAudioCodec.G711)]
    [InlineData("904F707573", FlvAudioCodec.Opus)]
    [InlineData("90664C6143", FlvAudioCodec.OtherEnhanced)]
    public void AudioTryParse_OtherFormats_AreNamedAndNotSequenceHeaders(string hex, object codec)
    {
        Assert.True(FlvAudioTagHeader.TryParse(Convert.FromHexString(hex), out var header));

        Assert.Equal(codec, header.Codec);
        Assert.Equal(codec is FlvAudioCodec.Opus or FlvAudioCodec.OtherEnhanced, header.IsSequenceHeader);
    }
}
