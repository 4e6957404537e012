namespace Spectra.Media.Live.Internal;

/// <summary>
/// Splits a stream of concatenated JPEG images (ffmpeg's image2pipe/mjpeg output) into complete
/// images by walking the marker segments (ITU-T T.81 §B.1.1): SOI, length-prefixed segments up to
/// SOS, entropy-coded data (where 0xFF is stuffed as FF 00 and RSTn markers may appear), then EOI.
/// </summary>
internal sealed class JpegFrameSplitter(int maxImageBytes)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    /// <summary>Appends bytes and calls <paramref name="onImage"/> for each image completed by them.</summary>
    public void Append(ReadOnlySpan<byte> data, Action<ReadOnlyMemory<byte>> onImage)
    {
        ArgumentNullException.ThrowIfNull(onImage);
        if (_length + data.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
        while (true)
        {
            int soi = _buffer.AsSpan(0, _length).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD8]);
            if (soi < 0)
            {
                // Keep a trailing 0xFF that may start the next SOI.
                Discard(_length > 0 && _buffer[_length - 1] == 0xFF ? _length - 1 : _length);
                return;
            }

            Discard(soi);
            int end = FindImageEnd(_buffer.AsSpan(0, _length));
            if (end == -1)
            {
                if (_length > maxImageBytes)
                {
                    Discard(2); // resynchronize on the next SOI
                    continue;
                }

                return;
            }

            if (end == -2)
            {
                Discard(2);
                continue;
            }

            onImage(_buffer.AsMemory(0, end).ToArray());
            Discard(end);
        }
    }

    /// <returns>Index after EOI; -1 when more data is needed; -2 when the data is not a JPEG.</returns>
    internal static int FindImageEnd(ReadOnlySpan<byte> data)
    {
        int i = 2; // after SOI
        while (true)
        {
            if (i + 1 >= data.Length)
            {
                return -1;
            }

            if (data[i] != 0xFF)
            {
                return -2;
            }

            byte marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                return i + 2; // EOI
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                i += 2; // RSTn and TEM have no length
                continue;
            }

            if (i + 3 >= data.Length)
            {
                return -1;
            }

            int length = (data[i + 2] << 8) | data[i + 3];
            if (length < 2)
            {
                return -2;
            }

            i += 2 + length;
            if (marker != 0xDA)
            {
                continue;
            }

            // Entropy-coded data after SOS runs to the next marker that is not FF 00 or RSTn.
            while (true)
            {
                if (i + 1 >= data.Length)
                {
                    return -1;
                }

                if (data[i] == 0xFF && data[i + 1] != 0x00 && data[i + 1] is not (>= 0xD0 and <= 0xD7))
                {
                    break;
                }

                i++;
            }
        }
    }

    private void Discard(int count)
    {
        _buffer.AsSpan(count, _length - count).CopyTo(_buffer);
        _length -= count;
    }
}
