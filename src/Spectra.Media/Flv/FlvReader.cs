using System.Buffers;

namespace Spectra.Media.Flv;

/// <summary>
/// Reads an FLV byte stream (Adobe FLV v10.1, annex E.2–E.4.1) incrementally: each method either
/// consumes a complete element or leaves the reader untouched and returns false (need more data).
/// </summary>
internal static class FlvReader
{
    /// <summary>Reads the FLV header, skips to DataOffset, and consumes PreviousTagSize0.</summary>
    /// <exception cref="InvalidDataException">The signature is not "FLV" or DataOffset is below 9.</exception>
    public static bool TryReadHeader(ref SequenceReader<byte> reader, out bool hasAudio, out bool hasVideo)
    {
        hasAudio = false;
        hasVideo = false;
        if (reader.Remaining < FlvWriter.HeaderLength)
        {
            return false;
        }

        var start = reader;
        Span<byte> header = stackalloc byte[9];
        reader.TryCopyTo(header);
        if (header[0] != (byte)'F' || header[1] != (byte)'L' || header[2] != (byte)'V')
        {
            throw new InvalidDataException("Not an FLV stream: the signature is not 'FLV'.");
        }

        uint dataOffset = (uint)((header[5] << 24) | (header[6] << 16) | (header[7] << 8) | header[8]);
        if (dataOffset < 9)
        {
            throw new InvalidDataException($"Invalid FLV DataOffset {dataOffset}; at least 9 expected.");
        }

        if (reader.Remaining < dataOffset + 4)
        {
            reader = start;
            return false;
        }

        hasAudio = (header[4] & 0x04) != 0;
        hasVideo = (header[4] & 0x01) != 0;
        reader.Advance(dataOffset + 4);
        return true;
    }

    /// <summary>Reads one tag and its trailing PreviousTagSize.</summary>
    /// <exception cref="InvalidDataException">PreviousTagSize does not match the tag, or the tag is encrypted (Filter = 1).</exception>
    public static bool TryReadTag(ref SequenceReader<byte> reader, out FlvTag tag)
    {
        tag = default;
        if (reader.Remaining < FlvWriter.TagHeaderLength)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[FlvWriter.TagHeaderLength];
        reader.TryCopyTo(header);
        int dataSize = (header[1] << 16) | (header[2] << 8) | header[3];
        if (reader.Remaining < FlvWriter.GetTagLength(dataSize))
        {
            return false;
        }

        if ((header[0] & 0x20) != 0)
        {
            throw new InvalidDataException("Encrypted FLV tags (Filter = 1) are not supported.");
        }

        uint timestamp = (uint)((header[7] << 24) | (header[4] << 16) | (header[5] << 8) | header[6]);
        var tagType = (FlvTagType)(header[0] & 0x1F);
        var body = reader.UnreadSequence.Slice(FlvWriter.TagHeaderLength, dataSize);
        reader.Advance(FlvWriter.TagHeaderLength + dataSize);
        reader.TryReadBigEndian(out int previousTagSize);
        if (previousTagSize != FlvWriter.TagHeaderLength + dataSize)
        {
            throw new InvalidDataException($"PreviousTagSize {previousTagSize} does not match the tag length {FlvWriter.TagHeaderLength + dataSize}.");
        }

        tag = new FlvTag(tagType, timestamp, body);
        return true;
    }
}
