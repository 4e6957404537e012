using Spectra.Media.Live.Internal;

namespace Spectra.Media.Tests.Live;

public class JpegFrameSplitterTests
{
    // SOI | APP0 (length 6) | SOS (length 4) | entropy data with a stuffed FF 00 and an RST0 | EOI
    private static readonly byte[] First = Convert.FromHexString("FFD8" + "FFE00006AABBCCDD" + "FFDA0004EEFF" + "12FF0034FFD056" + "FFD9");

    // SOI | fill byte before a DQT segment whose payload holds FF D9 | SOS | data | EOI
    private static readonly byte[] Second = Convert.FromHexString("FFD8" + "FFFFDB0006FFD90102" + "FFDA000401" + "7788" + "FFD9");

    [Fact]
    public void Append_ByteByByteWithLeadingGarbage_YieldsEachImageExactly()
    {
        var images = new List<byte[]>();
        var splitter = new JpegFrameSplitter(1024);
        byte[] stream = [0x00, 0x12, .. First, .. Second];

        foreach (byte b in stream)
        {
            splitter.Append([b], image => images.Add(image.ToArray()));
        }

        Assert.Equal(2, images.Count);
        Assert.Equal(First, images[0]);
        Assert.Equal(Second, images[1]);
    }

    [Fact]
    public void Append_OneChunk_YieldsBothImages()
    {
        var images = new List<byte[]>();

        new JpegFrameSplitter(1024).Append([.. First, .. Second], image => images.Add(image.ToArray()));

        Assert.Equal([First, Second], images);
    }

    [Fact]
    public void Append_ImageLargerThanLimit_SkippedAndNextImageStillFound()
    {
        var images = new List<byte[]>();
        var splitter = new JpegFrameSplitter(16);
        byte[] huge = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, .. new byte[64]];

        splitter.Append(huge, image => images.Add(image.ToArray()));
        splitter.Append(Second, image => images.Add(image.ToArray()));

        Assert.Equal([Second], images);
    }

    [Theory]
    [InlineData("FFD8FFE0", -1)]             // segment header incomplete
    [InlineData("FFD80102", -2)]             // not a marker after SOI
    [InlineData("FFD8FFD9", 4)]              // empty image
    public void FindImageEnd_Cases(string hex, int expected)
    {
        Assert.Equal(expected, JpegFrameSplitter.FindImageEnd(Convert.FromHexString(hex)));
    }
}
