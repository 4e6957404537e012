using Spectra.Server.Channels;

namespace Spectra.Server.Tests.Channels;

public sealed class ImageSnifferTests
{
    [Fact]
    public void Identify_Png_ReadsSizeFromIhdr()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

        var info = ImageSniffer.Identify(png);

        Assert.Equal(new ImageSniffer.ImageInfo("image/png", 1, 1), info);
    }

    [Fact]
    public void Identify_Gif_ReadsLogicalScreenSize()
    {
        byte[] gif = [.. "GIF89a"u8, 0x40, 0x01, 0xF0, 0x00, 0, 0, 0];

        Assert.Equal(new ImageSniffer.ImageInfo("image/gif", 320, 240), ImageSniffer.Identify(gif));
    }

    [Fact]
    public void Identify_Jpeg_ReadsStartOfFrameAfterOtherSegments()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,                                     // SOI
            0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46,             // APP0, length 4
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00, // SOF0 480×640
        ];

        Assert.Equal(new ImageSniffer.ImageInfo("image/jpeg", 640, 480), ImageSniffer.Identify(jpeg));
    }

    [Fact]
    public void Identify_WebPLossless_ReadsPackedSize()
    {
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        "WEBP"u8.CopyTo(webp.AsSpan(8));
        "VP8L"u8.CopyTo(webp.AsSpan(12));
        webp[20] = 0x2F;
        // width-1 = 99 (14 bits), height-1 = 49 (next 14 bits)
        var bits = 99u | (49u << 14);
        BitConverter.TryWriteBytes(webp.AsSpan(21), bits);

        Assert.Equal(new ImageSniffer.ImageInfo("image/webp", 100, 50), ImageSniffer.Identify(webp));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")]
    [InlineData("GIF89")]
    [InlineData("%PDF-1.7")]
    public void Identify_NotAnImage_ReturnsNull(string content)
    {
        Assert.Null(ImageSniffer.Identify(System.Text.Encoding.UTF8.GetBytes(content)));
    }

    [Fact]
    public void Identify_TruncatedJpeg_ReturnsNull()
    {
        Assert.Null(ImageSniffer.Identify([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]));
    }

    [Fact]
    public void Identify_PngWithZeroWidth_ReturnsNull()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        png[16] = png[17] = png[18] = png[19] = 0;

        Assert.Null(ImageSniffer.Identify(png));
    }
}
