using Spectra.Media.MpegTs.Internal;

namespace Spectra.Media.Tests.MpegTs;

public sealed class AdtsConverterTests
{
    [Fact]
    public void Convert_TwoFramesInOnePes_WritesConfigThenFramesDated1024SamplesApart()
    {
        var sink = new TagCollector();
        using var converter = new AdtsConverter();
        // AAC-LC (profile 1), 48 kHz (index 3), stereo; 90 kHz PTS of 1 s.
        converter.Convert([.. Adts(1, 3, 2, [0xDE, 0xAD]), .. Adts(1, 3, 2, [0xBE, 0xEF, 0x01])], 90_000, sink);

        Assert.Equal(3, sink.Tags.Count);
        Assert.Equal([0xAF, 0x00, 0x11, 0x90], sink.Tags[0].Body); // objectType 2, index 3, channels 2
        Assert.Equal([0xAF, 0x01, 0xDE, 0xAD], sink.Tags[1].Body);
        Assert.Equal([0xAF, 0x01, 0xBE, 0xEF, 0x01], sink.Tags[2].Body);
        Assert.Equal(1000u, sink.Tags[1].TimestampMs);
        Assert.Equal(1021u, sink.Tags[2].TimestampMs); // + 1024 / 48000 s
        Assert.Equal(0, converter.BadFrames);
    }

    [Fact]
    public void Convert_FrameCutShortOrBadSync_IsDroppedAndCounted()
    {
        var sink = new TagCollector();
        using var converter = new AdtsConverter();
        var frame = Adts(1, 4, 1, [1, 2, 3, 4]);
        converter.Convert(frame.AsSpan(0, frame.Length - 2), 0, sink);
        converter.Convert([0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0], 0, sink);

        Assert.Empty(sink.Tags);
        Assert.Equal(2, converter.BadFrames);
    }

    /// <summary>An ADTS frame without CRC (ISO/IEC 13818-7 §6.2).</summary>
    private static byte[] Adts(int profile, int rateIndex, int channels, byte[] payload)
    {
        int length = 7 + payload.Length;
        byte[] header =
        [
            0xFF,
            0xF1,
            (byte)((profile << 6) | (rateIndex << 2) | (channels >> 2)),
            (byte)(((channels & 3) << 6) | (length >> 11)),
            (byte)(length >> 3),
            (byte)(((length & 7) << 5) | 0x1F),
            0xFC,
        ];
        return [.. header, .. payload];
    }
}
