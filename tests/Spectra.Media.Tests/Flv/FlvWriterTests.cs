using System.Buffers;
using Spectra.Media.Flv;

namespace Spectra.Media.Tests.Flv;

public class FlvWriterTests
{
    [Fact]
    public void WriteHeader_AudioAndVideo_WritesSignatureFlagsOffsetAndPreviousTagSize0()
    {
        var buffer = new byte[FlvWriter.HeaderLength];

        int written = FlvWriter.WriteHeader(buffer, hasAudio: true, hasVideo: true);

        Assert.Equal(13, written);
        Assert.Equal(Convert.FromHexString("464C5601050000000900000000"), buffer);
    }

    [Theory]
    [InlineData(true, false, 0x04)]
    [InlineData(false, true, 0x01)]
    [InlineData(false, false, 0x00)]
    public void WriteHeader_Flags_SetsOnlyRequestedTypeFlags(bool audio, bool video, byte expected)
    {
        var buffer = new byte[FlvWriter.HeaderLength];

        FlvWriter.WriteHeader(buffer, audio, video);

        Assert.Equal(expected, buffer[4]);
    }

    [Fact]
    public void WriteTag_VideoTag_WritesHeaderBodyAndPreviousTagSizeByteExact()
    {
        byte[] body = [0x17, 0x01, 0x00, 0x00, 0x00, 0xAA, 0xBB];
        var buffer = new byte[FlvWriter.GetTagLength(body.Length)];

        int written = FlvWriter.WriteTag(buffer, FlvTagType.Video, 1000, body);

        Assert.Equal(11 + 7 + 4, written);
        // type 9 | size 000007 | ts 0003E8 | ext 00 | stream 000000 | body | prev 00000012 (18)
        Assert.Equal(Convert.FromHexString("09" + "000007" + "0003E8" + "00" + "000000" + "17010000 00AABB".Replace(" ", "", StringComparison.Ordinal) + "00000012"), buffer);
    }

    [Fact]
    public void WriteTag_TimestampAbove24Bits_StoresUpperByteInTimestampExtended()
    {
        var buffer = new byte[FlvWriter.GetTagLength(1)];

        FlvWriter.WriteTag(buffer, FlvTagType.Audio, 0x12345678, [0xAF]);

        Assert.Equal(0x08, buffer[0]);
        Assert.Equal(Convert.FromHexString("345678"), buffer[4..7]);
        Assert.Equal(0x12, buffer[7]);
    }

    [Fact]
    public void WriteTag_DestinationTooSmall_ThrowsWithoutWriting()
    {
        var buffer = new byte[FlvWriter.GetTagLength(4) - 1];

        Assert.Throws<ArgumentException>(() => FlvWriter.WriteTag(buffer, FlvTagType.Video, 0, [1, 2, 3, 4]));
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void WriteTag_BufferWriter_AdvancesByTagLength()
    {
        var writer = new ArrayBufferWriter<byte>();

        FlvWriter.WriteHeader(writer, true, true);
        FlvWriter.WriteTag(writer, FlvTagType.Audio, 5, [0xAF, 0x01, 0x42]);

        Assert.Equal(FlvWriter.HeaderLength + FlvWriter.GetTagLength(3), writer.WrittenCount);
    }

    [Fact]
    public void FlvTagBuffer_Create_ClassifiesKeyframesAndSequenceHeaders()
    {
        using var sequenceHeader = FlvTagBuffer.Create(FlvTagType.Video, 0, [0x17, 0x00, 0, 0, 0, 1]);
        using var keyframe = FlvTagBuffer.Create(FlvTagType.Video, 40, [0x17, 0x01, 0, 0, 0, 1]);
        using var interFrame = FlvTagBuffer.Create(FlvTagType.Video, 80, [0x27, 0x01, 0, 0, 0, 1]);
        using var aacConfig = FlvTagBuffer.Create(FlvTagType.Audio, 0, [0xAF, 0x00, 0x12, 0x10]);

        Assert.True(sequenceHeader.IsSequenceHeader);
        Assert.False(sequenceHeader.IsVideoKeyframe);
        Assert.True(keyframe.IsVideoKeyframe);
        Assert.False(interFrame.IsVideoKeyframe);
        Assert.True(aacConfig.IsSequenceHeader);
        Assert.Equal(FlvWriter.GetTagLength(6), keyframe.Length);
    }

    [Fact]
    public void FlvTagBuffer_WithTimestamp_CopiesBodyWithNewTimestamp()
    {
        using var original = FlvTagBuffer.Create(FlvTagType.Video, 0, [0x17, 0x00, 0, 0, 0, 9]);

        using var copy = original.WithTimestamp(7000);

        Assert.Equal(original.Memory.Span[FlvWriter.TagHeaderLength..].ToArray(), copy.Memory.Span[FlvWriter.TagHeaderLength..].ToArray());
        Assert.Equal(7000u, copy.TimestampMs);
        Assert.Equal(Convert.FromHexString("001B58"), copy.Memory.Span[4..7].ToArray());
    }
}
