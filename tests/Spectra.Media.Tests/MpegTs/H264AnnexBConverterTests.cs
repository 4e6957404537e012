using Spectra.Media.Flv;
using Spectra.Media.MpegTs.Internal;

namespace Spectra.Media.Tests.MpegTs;

public sealed class H264AnnexBConverterTests
{
    private static readonly byte[] Sps = [0x67, 0x42, 0xC0, 0x1E, 0xAA, 0xBB];
    private static readonly byte[] Pps = [0x68, 0xCE, 0x3C, 0x80];
    private static readonly byte[] Idr = [0x65, 0x88, 0x84, 0x00, 0x33];
    private static readonly byte[] Slice = [0x41, 0x9A, 0x02];

    [Fact]
    public void Convert_KeyframeWithParameterSets_WritesSequenceHeaderThenFrameWithoutThem()
    {
        var sink = new TagCollector();
        using var converter = new H264AnnexBConverter();
        converter.Convert(AnnexB(4, [0x09, 0xF0], Sps, Pps, Idr), 1000, 80, sink);

        Assert.Equal(2, sink.Tags.Count);
        var header = sink.Tags[0];
        Assert.Equal((FlvTagType.Video, 1000u), (header.Type, header.TimestampMs));
        byte[] expectedHeader =
        [
            0x17, 0x00, 0x00, 0x00, 0x00,
            0x01, 0x42, 0xC0, 0x1E, 0xFF, 0xE1, 0x00, 0x06, .. Sps, 0x01, 0x00, 0x04, .. Pps,
        ];
        Assert.Equal(expectedHeader, header.Body);
        byte[] expectedFrame = [0x17, 0x01, 0x00, 0x00, 0x50, 0x00, 0x00, 0x00, 0x05, .. Idr];
        Assert.Equal(expectedFrame, sink.Tags[1].Body);
    }

    [Fact]
    public void Convert_ThreeByteStartCodesAndTrailingZeros_SplitsNalUnits()
    {
        var sink = new TagCollector();
        using var converter = new H264AnnexBConverter();
        converter.Convert(AnnexB(3, Sps, Pps, Idr), 0, 0, sink);
        converter.Convert([.. AnnexB(3, Slice, Slice), 0x00, 0x00], 40, 0, sink);

        byte[] expected = [0x27, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, .. Slice, 0x00, 0x00, 0x00, 0x03, .. Slice];
        Assert.Equal(expected, sink.Tags[^1].Body);
    }

    [Fact]
    public void Convert_FramesBeforeParameterSetsAndKeyframe_AreDropped()
    {
        var sink = new TagCollector();
        using var converter = new H264AnnexBConverter();
        converter.Convert(AnnexB(4, Slice), 0, 0, sink);
        converter.Convert(AnnexB(4, Sps, Pps, Slice), 40, 0, sink);
        Assert.Single(sink.Tags); // the sequence header only
        Assert.Equal(2, converter.DroppedBeforeKeyframe);

        converter.Convert(AnnexB(4, Idr), 80, 0, sink);
        Assert.Equal(0x17, sink.Tags[^1].Body[0]);
    }

    [Fact]
    public void Convert_ChangedSps_WritesANewSequenceHeaderOnlyThen()
    {
        var sink = new TagCollector();
        using var converter = new H264AnnexBConverter();
        converter.Convert(AnnexB(4, Sps, Pps, Idr), 0, 0, sink);
        converter.Convert(AnnexB(4, Sps, Pps, Idr), 1000, 0, sink);
        byte[] otherSps = [0x67, 0x4D, 0x40, 0x1F, 0x11];
        converter.Convert(AnnexB(4, otherSps, Pps, Idr), 2000, 0, sink);

        var headers = sink.Tags.Where(t => t.Body[1] == 0).ToList();
        Assert.Equal(2, headers.Count);
        Assert.Equal(0x4D, headers[1].Body[6]);
    }

    private static byte[] AnnexB(int startCodeLength, params byte[][] nals)
    {
        var output = new List<byte>();
        foreach (var nal in nals)
        {
            if (startCodeLength == 4)
            {
                output.Add(0);
            }

            output.AddRange([0, 0, 1]);
            output.AddRange(nal);
        }

        return [.. output];
    }
}
