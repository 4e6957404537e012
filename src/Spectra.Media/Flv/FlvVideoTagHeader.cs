using System.Buffers.Binary;

namespace Spectra.Media.Flv;

/// <summary>
/// The leading fields of a VIDEODATA tag body.
/// <para>Classic layout (Adobe FLV v10.1, annex E.4.3.1 and AVCVIDEOPACKET):</para>
/// <code>
/// FrameType UB[4] | CodecID UB[4] | (AVC, HEVC-12) AVCPacketType UI8 | CompositionTime SI24 (ms) | data
/// </code>
/// <para>Enhanced RTMP (IsExHeader = top bit of the first byte):</para>
/// <code>
/// 1 | FrameType UB[3] | PacketType UB[4] | FourCC UI32 | (PacketType 1) CompositionTime SI24 | data
/// </code>
/// </summary>
internal readonly record struct FlvVideoTagHeader(
    FlvVideoFrameType FrameType,
    FlvVideoCodec Codec,
    bool IsEnhanced,
    /// <summary>AVCPacketType (0 = sequence header, 1 = NALUs, 2 = end of sequence) or enhanced PacketType.</summary>
    byte PacketType,
    /// <summary>Composition time offset in milliseconds (PTS − DTS).</summary>
    int CompositionTimeMs,
    /// <summary>Offset in the body where the decoder configuration record or the NAL units start.</summary>
    int PayloadOffset)
{
    public const byte CodecIdH264 = 7;
    public const byte CodecIdHevcExtension = 12;

    // Enhanced RTMP PacketType values.
    private const byte ExSequenceStart = 0;
    private const byte ExCodedFrames = 1;

    /// <summary>True for an AVC/HEVC decoder configuration record (AVCPacketType 0 / PacketTypeSequenceStart).</summary>
    public bool IsSequenceHeader => PacketType == 0 && (Codec is FlvVideoCodec.H264 or FlvVideoCodec.Hevc or FlvVideoCodec.Av1 or FlvVideoCodec.Vp9);

    public static bool TryParse(ReadOnlySpan<byte> body, out FlvVideoTagHeader header)
    {
        header = default;
        if (body.IsEmpty)
        {
            return false;
        }

        byte first = body[0];
        if ((first & 0x80) != 0)
        {
            if (body.Length < 5)
            {
                return false;
            }

            var frameType = (FlvVideoFrameType)((first >> 4) & 0x07);
            byte packetType = (byte)(first & 0x0F);
            uint fourCc = BinaryPrimitives.ReadUInt32BigEndian(body[1..]);
            FlvVideoCodec codec = fourCc switch
            {
                0x68766331 => FlvVideoCodec.Hevc, // 'hvc1'
                0x61763031 => FlvVideoCodec.Av1,  // 'av01'
                0x76703039 => FlvVideoCodec.Vp9,  // 'vp09'
                0x61766331 => FlvVideoCodec.H264, // 'avc1'
                _ => FlvVideoCodec.Unknown,
            };
            int compositionTime = 0;
            int offset = 5;
            if (packetType == ExCodedFrames && codec is FlvVideoCodec.Hevc or FlvVideoCodec.H264)
            {
                if (body.Length < 8)
                {
                    return false;
                }

                compositionTime = ReadInt24(body[5..]);
                offset = 8;
            }

            header = new FlvVideoTagHeader(frameType, codec, true, packetType == ExSequenceStart ? (byte)0 : packetType, compositionTime, offset);
            return true;
        }

        var classicFrameType = (FlvVideoFrameType)(first >> 4);
        byte codecId = (byte)(first & 0x0F);
        FlvVideoCodec classicCodec = codecId switch
        {
            2 => FlvVideoCodec.SorensonH263,
            3 => FlvVideoCodec.ScreenVideo,
            4 or 5 => FlvVideoCodec.Vp6,
            6 => FlvVideoCodec.ScreenVideo2,
            CodecIdH264 => FlvVideoCodec.H264,
            CodecIdHevcExtension => FlvVideoCodec.Hevc,
            _ => FlvVideoCodec.Unknown,
        };
        if (classicCodec is FlvVideoCodec.H264 or FlvVideoCodec.Hevc)
        {
            if (body.Length < 5)
            {
                return false;
            }

            header = new FlvVideoTagHeader(classicFrameType, classicCodec, false, body[1], ReadInt24(body[2..]), 5);
            return true;
        }

        // Other classic codecs have no packet type; 0xFF keeps IsSequenceHeader false.
        header = new FlvVideoTagHeader(classicFrameType, classicCodec, false, 0xFF, 0, 1);
        return true;
    }

    private static int ReadInt24(ReadOnlySpan<byte> source)
    {
        int value = (source[0] << 16) | (source[1] << 8) | source[2];
        return (value & 0x80_0000) != 0 ? value - 0x100_0000 : value;
    }
}
