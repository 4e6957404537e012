using System.Buffers.Binary;

namespace Spectra.Media.Flv;

/// <summary>
/// The leading fields of an AUDIODATA tag body (Adobe FLV v10.1, annex E.4.2.1 and AACAUDIODATA):
/// <code>
/// SoundFormat UB[4] | SoundRate UB[2] | SoundSize UB[1] | SoundType UB[1] | (AAC) AACPacketType UI8 | data
/// </code>
/// SoundFormat 9 (reserved in v10.1) is the enhanced-RTMP ExHeader:
/// <code>
/// 1001 | AudioPacketType UB[4] | FourCC UI32 | data
/// </code>
/// </summary>
internal readonly record struct FlvAudioTagHeader(
    FlvAudioCodec Codec,
    /// <summary>Raw SoundFormat (0–15).</summary>
    byte SoundFormat,
    /// <summary>AACPacketType (0 = AudioSpecificConfig, 1 = raw frame), enhanced AudioPacketType, or 0xFF.</summary>
    byte PacketType,
    /// <summary>Offset in the body where the codec payload starts.</summary>
    int PayloadOffset)
{
    public const byte SoundFormatAac = 10;
    public const byte SoundFormatExHeader = 9;

    public bool IsSequenceHeader => PacketType == 0 && Codec is FlvAudioCodec.Aac or FlvAudioCodec.Opus or FlvAudioCodec.OtherEnhanced;

    public static bool TryParse(ReadOnlySpan<byte> body, out FlvAudioTagHeader header)
    {
        header = default;
        if (body.IsEmpty)
        {
            return false;
        }

        byte soundFormat = (byte)(body[0] >> 4);
        if (soundFormat == SoundFormatExHeader)
        {
            if (body.Length < 5)
            {
                return false;
            }

            uint fourCc = BinaryPrimitives.ReadUInt32BigEndian(body[1..]);
            FlvAudioCodec codec = fourCc switch
            {
                0x4F707573 => FlvAudioCodec.Opus, // 'Opus'
                0x6D703461 => FlvAudioCodec.Aac,  // 'mp4a'
                0x2E6D7033 => FlvAudioCodec.Mp3,  // '.mp3'
                _ => FlvAudioCodec.OtherEnhanced,
            };
            header = new FlvAudioTagHeader(codec, soundFormat, (byte)(body[0] & 0x0F), 5);
            return true;
        }

        FlvAudioCodec classic = soundFormat switch
        {
            0 or 3 => FlvAudioCodec.LinearPcm,
            1 => FlvAudioCodec.Adpcm,
            2 or 14 => FlvAudioCodec.Mp3,
            4 or 5 or 6 => FlvAudioCodec.Nellymoser,
            7 or 8 => FlvAudioCodec.G711,
            SoundFormatAac => FlvAudioCodec.Aac,
            11 => FlvAudioCodec.Speex,
            _ => FlvAudioCodec.Unknown,
        };
        if (classic == FlvAudioCodec.Aac)
        {
            if (body.Length < 2)
            {
                return false;
            }

            header = new FlvAudioTagHeader(classic, soundFormat, body[1], 2);
            return true;
        }

        header = new FlvAudioTagHeader(classic, soundFormat, 0xFF, 1);
        return true;
    }
}
