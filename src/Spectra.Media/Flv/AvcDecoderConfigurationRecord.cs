using System.Buffers.Binary;

namespace Spectra.Media.Flv;

/// <summary>
/// AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), the payload of an FLV AVC sequence
/// header (AVCPacketType 0, Adobe FLV v10.1 annex E.4.3.1):
/// <code>
/// configurationVersion=1 UI8 | AVCProfileIndication UI8 | profile_compatibility UI8 | AVCLevelIndication UI8
/// 111111 lengthSizeMinusOne UB[2] | 111 numOfSequenceParameterSets UB[5]
/// { sequenceParameterSetLength UI16 | SPS NAL unit } ... | numOfPictureParameterSets UI8 | { UI16 | PPS } ...
/// </code>
/// Only the first SPS is parsed.
/// </summary>
internal sealed record AvcDecoderConfigurationRecord(
    byte ProfileIndication,
    byte ProfileCompatibility,
    byte LevelIndication,
    int NalUnitLengthSize,
    H264SequenceParameterSet? SequenceParameterSet)
{
    /// <summary>RFC 6381 codecs parameter, for instance "avc1.64001f".</summary>
    public string CodecString => $"avc1.{ProfileIndication:x2}{ProfileCompatibility:x2}{LevelIndication:x2}";

    public static bool TryParse(ReadOnlySpan<byte> record, out AvcDecoderConfigurationRecord? result)
    {
        result = null;
        if (record.Length < 7 || record[0] != 1)
        {
            return false;
        }

        int nalLengthSize = (record[4] & 0x03) + 1;
        int spsCount = record[5] & 0x1F;
        H264SequenceParameterSet? sps = null;
        if (spsCount > 0)
        {
            int spsLength = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            if (record.Length < 8 + spsLength)
            {
                return false;
            }

            if (!H264SequenceParameterSet.TryParse(record.Slice(8, spsLength), out sps))
            {
                return false;
            }
        }

        result = new AvcDecoderConfigurationRecord(record[1], record[2], record[3], nalLengthSize, sps);
        return true;
    }
}
