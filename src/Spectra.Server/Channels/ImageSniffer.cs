using System.Buffers.Binary;

namespace Spectra.Server.Channels;

/// <summary>
/// Recognises PNG, JPEG, GIF and WebP by their signatures and reads their pixel size from the
/// header, without decoding. Anything else (or a truncated header) is not an image.
/// </summary>
internal static class ImageSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public readonly record struct ImageInfo(string ContentType, int Width, int Height);

    public static ImageInfo? Identify(ReadOnlySpan<byte> data)
    {
        // PNG: 8-byte signature, then the IHDR chunk: length(4) "IHDR" width(4) height(4), big-endian.
        if (data.Length >= 24 && data[..8].SequenceEqual(PngSignature) && data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return Valid("image/png", BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        }

        // GIF: "GIF87a"/"GIF89a", logical screen width and height little-endian 16-bit.
        if (data.Length >= 10 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
        {
            return Valid("image/gif", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        }

        // WebP: "RIFF" size "WEBP" then a VP8 / VP8L / VP8X chunk.
        if (data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return WebP(data);
        }

        // JPEG: SOI then segments until a start-of-frame marker carrying height and width.
        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            return Jpeg(data);
        }

        return null;
    }

    private static ImageInfo? WebP(ReadOnlySpan<byte> data)
    {
        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8 "u8) && data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A)
        {
            return Valid("image/webp", BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return Valid("image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (data[24] | (data[25] << 8) | (data[26] << 16));
            var height = 1 + (data[27] | (data[28] << 8) | (data[29] << 16));
            return Valid("image/webp", width, height);
        }

        return null;
    }

    private static ImageInfo? Jpeg(ReadOnlySpan<byte> data)
    {
        var offset = 2;
        while (offset + 9 < data.Length)
        {
            if (data[offset] != 0xFF)
            {
                return null;
            }

            var marker = data[offset + 1];
            if (marker == 0xFF)
            {
                offset++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            if (length < 2)
            {
                return null;
            }

            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Valid("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 5)..]));
            }

            offset += 2 + length;
        }

        return null;
    }

    private static ImageInfo? Valid(string contentType, int width, int height) =>
        width > 0 && height > 0 ? new ImageInfo(contentType, width, height) : null;
}
