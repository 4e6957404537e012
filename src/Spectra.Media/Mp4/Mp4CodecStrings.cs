using System.Globalization;
using System.Text;
using Spectra.Media.Mp4.Internal;

namespace Spectra.Media.Mp4;

/// <summary>
/// RFC 6381 codec strings (the HLS CODECS attribute, RFC 8216 §4.3.4.2) derived from decoder
/// configuration records.
/// </summary>
internal static class Mp4CodecStrings
{
    /// <summary>
    /// "avc1.PPCCLL" from an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1):
    /// <code>
    ///  byte 0: configurationVersion (= 1)
    ///  byte 1: AVCProfileIndication   -> PP
    ///  byte 2: profile_compatibility  -> CC
    ///  byte 3: AVCLevelIndication     -> LL
    /// </code>
    /// </summary>
    /// <param name="sampleEntry">"avc1" or "avc3".</param>
    /// <param name="avcC">The 'avcC' box payload.</param>
    public static string FromAvcDecoderConfiguration(string sampleEntry, ReadOnlySpan<byte> avcC)
    {
        if (avcC.Length < 4)
        {
            throw new Mp4FormatException($"avcC record is {avcC.Length} bytes; at least 4 are needed for profile and level.");
        }

        if (avcC[0] != 1)
        {
            throw new Mp4FormatException($"avcC configurationVersion is {avcC[0]}; only 1 is defined (ISO/IEC 14496-15 §5.3.3.1).");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{sampleEntry}.{avcC[1]:x2}{avcC[2]:x2}{avcC[3]:x2}");
    }

    /// <summary>
    /// "hvc1.[A-C]P.C.{L|H}LL.B0..." from an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15
    /// §8.3.3.1, string form in Annex E.3):
    /// <code>
    ///  byte 0     : configurationVersion
    ///  byte 1     : profile_space(2) | tier_flag(1) | profile_idc(5)
    ///  bytes 2-5  : general_profile_compatibility_flags (written bit-reversed, hex, no leading zeros)
    ///  bytes 6-11 : general_constraint_indicator_flags (one hex byte each, trailing zeros dropped)
    ///  byte 12    : general_level_idc
    /// </code>
    /// </summary>
    public static string FromHevcDecoderConfiguration(string sampleEntry, ReadOnlySpan<byte> hvcC)
    {
        if (hvcC.Length < 13)
        {
            throw new Mp4FormatException($"hvcC record is {hvcC.Length} bytes; at least 13 are needed for profile, tier and level.");
        }

        var profileSpace = hvcC[1] >> 6;
        var tierHigh = (hvcC[1] & 0x20) != 0;
        var profileIdc = hvcC[1] & 0x1F;
        var compatibility = ((uint)hvcC[2] << 24) | ((uint)hvcC[3] << 16) | ((uint)hvcC[4] << 8) | hvcC[5];
        uint reversed = 0;
        for (var i = 0; i < 32; i++)
        {
            reversed = (reversed << 1) | ((compatibility >> i) & 1);
        }

        var builder = new StringBuilder(40);
        builder.Append(sampleEntry).Append('.');
        if (profileSpace > 0)
        {
            builder.Append((char)('A' + profileSpace - 1));
        }

        builder.Append(profileIdc.ToString(CultureInfo.InvariantCulture))
            .Append('.').Append(reversed.ToString("X", CultureInfo.InvariantCulture))
            .Append('.').Append(tierHigh ? 'H' : 'L').Append(hvcC[12].ToString(CultureInfo.InvariantCulture));
        var lastNonZero = 5;
        while (lastNonZero >= 0 && hvcC[6 + lastNonZero] == 0)
        {
            lastNonZero--;
        }

        for (var i = 0; i <= lastNonZero; i++)
        {
            builder.Append('.').Append(hvcC[6 + i].ToString("X", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>
    /// "mp4a.40.N" from an 'esds' payload (ISO/IEC 14496-1 §7.2.6.5 ES_Descriptor,
    /// §7.2.6.6 DecoderConfigDescriptor) whose DecoderSpecificInfo is an AudioSpecificConfig
    /// (ISO/IEC 14496-3 §1.6.2.1). For objectTypeIndication other than 0x40 (MPEG-4 audio)
    /// the string is "mp4a.OO" with the indication in hex, as RFC 6381 §3.3 says.
    /// </summary>
    /// <param name="esds">The 'esds' full box payload (version/flags included).</param>
    public static string FromEsds(ReadOnlySpan<byte> esds) => ParseEsds(esds, 0).Codec;

    /// <summary>
    /// channelConfiguration of an AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1, Table 1.19):
    /// <code>
    ///  audioObjectType(5) [audioObjectTypeExt(6) if 31]
    ///  samplingFrequencyIndex(4) [samplingFrequency(24) if 0xF]
    ///  channelConfiguration(4)   1..6 = that many channels, 7 = 8 channels, 0 = in the PCE
    /// </code>
    /// Returns the channel count, or 0 when the configuration defers to a program config element.
    /// </summary>
    public static int ReadChannelCount(ReadOnlySpan<byte> audioSpecificConfig)
    {
        var bit = ReadAudioObjectType(audioSpecificConfig) >= 32 ? 11 : 5;
        var frequencyIndex = ReadBits(audioSpecificConfig, bit, 4);
        bit += frequencyIndex == 0xF ? 28 : 4;
        var configuration = ReadBits(audioSpecificConfig, bit, 4);
        return configuration switch
        {
            7 => 8,
            >= 8 => 0,
            _ => configuration,
        };
    }

    private static int ReadBits(ReadOnlySpan<byte> data, int bitOffset, int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            var index = (bitOffset + i) >> 3;
            if (index >= data.Length)
            {
                throw new Mp4FormatException($"AudioSpecificConfig ends at bit {bitOffset + i}, inside its header.");
            }

            value = (value << 1) | ((data[index] >> (7 - ((bitOffset + i) & 7))) & 1);
        }

        return value;
    }

    /// <summary>Audio object type (5 or 5+6 bits) of an AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1).</summary>
    public static int ReadAudioObjectType(ReadOnlySpan<byte> audioSpecificConfig)
    {
        if (audioSpecificConfig.Length < 1)
        {
            throw new Mp4FormatException("AudioSpecificConfig is empty.");
        }

        var aot = audioSpecificConfig[0] >> 3;
        if (aot == 31)
        {
            // audioObjectTypeExt: 6 more bits, value 32 + ext.
            if (audioSpecificConfig.Length < 2)
            {
                throw new Mp4FormatException("AudioSpecificConfig escapes the audio object type (31) but ends before the 6-bit extension.");
            }

            aot = 32 + (((audioSpecificConfig[0] & 0x07) << 3) | (audioSpecificConfig[1] >> 5));
        }

        return aot;
    }

    internal static (string Codec, int ObjectTypeIndication, int Channels) ParseEsds(ReadOnlySpan<byte> esds, long offset)
    {
        var reader = new Mp4FieldReader(esds, offset, Mp4BoxType.Esds);
        reader.ReadFullBoxHeader();
        var (tag, length) = ReadDescriptorHeader(ref reader);
        if (tag != 0x03)
        {
            throw new Mp4FormatException($"esds at offset {offset}: expected ES_Descriptor (tag 0x03), found tag 0x{tag:x2}.", offset, Mp4BoxType.Esds);
        }

        var esEnd = reader.Position + length;
        reader.ReadUInt16("ES_ID");
        var esFlags = reader.ReadUInt8("ES flags");
        if ((esFlags & 0x80) != 0)
        {
            reader.ReadUInt16("dependsOn_ES_ID");
        }

        if ((esFlags & 0x40) != 0)
        {
            var urlLength = reader.ReadUInt8("URLlength");
            reader.Skip(urlLength, "URLstring");
        }

        if ((esFlags & 0x20) != 0)
        {
            reader.ReadUInt16("OCR_ES_Id");
        }

        while (reader.Position < esEnd && reader.Remaining > 0)
        {
            var (subTag, subLength) = ReadDescriptorHeader(ref reader);
            if (subTag != 0x04)
            {
                reader.Skip(subLength, "descriptor");
                continue;
            }

            var configEnd = reader.Position + subLength;
            var objectType = reader.ReadUInt8("objectTypeIndication");
            reader.Skip(1 + 3 + 4 + 4, "streamType/bufferSizeDB/maxBitrate/avgBitrate");
            if (objectType != 0x40)
            {
                return (string.Create(CultureInfo.InvariantCulture, $"mp4a.{objectType:x2}"), objectType, 0);
            }

            while (reader.Position < configEnd)
            {
                var (infoTag, infoLength) = ReadDescriptorHeader(ref reader);
                var info = reader.ReadBytes(infoLength, "DecoderSpecificInfo");
                if (infoTag == 0x05)
                {
                    var aot = ReadAudioObjectType(info);
                    return (string.Create(CultureInfo.InvariantCulture, $"mp4a.40.{aot}"), objectType, ReadChannelCount(info));
                }
            }

            throw new Mp4FormatException($"esds at offset {offset}: MPEG-4 audio DecoderConfigDescriptor has no AudioSpecificConfig (tag 0x05).", offset, Mp4BoxType.Esds);
        }

        throw new Mp4FormatException($"esds at offset {offset}: no DecoderConfigDescriptor (tag 0x04).", offset, Mp4BoxType.Esds);
    }

    /// <summary>Descriptor tag and expandable length (ISO/IEC 14496-1 §8.3.3: up to 4 bytes of 7 bits).</summary>
    private static (byte Tag, int Length) ReadDescriptorHeader(ref Mp4FieldReader reader)
    {
        var tag = reader.ReadUInt8("descriptor tag");
        var length = 0;
        for (var i = 0; i < 4; i++)
        {
            var b = reader.ReadUInt8("descriptor length");
            length = (length << 7) | (b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return (tag, length);
            }
        }

        throw new Mp4FormatException($"Descriptor tag 0x{tag:x2} at offset {reader.AbsolutePosition} has a length field longer than 4 bytes.", reader.AbsolutePosition, Mp4BoxType.Esds);
    }
}
