using Spectra.Media.Flv.Internal;

namespace Spectra.Media.Flv;

/// <summary>
/// AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), the payload of an FLV AAC sequence header
/// (AACPacketType 0, Adobe FLV v10.1 annex E.4.2.2):
/// <code>
/// audioObjectType UB[5] (31: 32 + UB[6]) | samplingFrequencyIndex UB[4] (15: samplingFrequency UB[24]) | channelConfiguration UB[4]
/// </code>
/// </summary>
internal sealed record AacAudioSpecificConfig(int AudioObjectType, int SampleRate, int ChannelConfiguration)
{
    // §1.6.3.4, Table 1.16; indices 13 and 14 are reserved.
    private static readonly int[] SampleRates =
        [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

    /// <summary>RFC 6381 codecs parameter, for instance "mp4a.40.2" (AAC-LC).</summary>
    public string CodecString => $"mp4a.40.{AudioObjectType}";

    public static bool TryParse(ReadOnlySpan<byte> config, out AacAudioSpecificConfig? result)
    {
        result = null;
        if (config.Length < 2)
        {
            return false;
        }

        var reader = new RbspBitReader(config);
        int objectType = (int)reader.ReadBits(5);
        if (objectType == 31)
        {
            objectType = 32 + (int)reader.ReadBits(6);
        }

        int frequencyIndex = (int)reader.ReadBits(4);
        int sampleRate;
        if (frequencyIndex == 15)
        {
            sampleRate = (int)reader.ReadBits(24);
        }
        else if (frequencyIndex < SampleRates.Length)
        {
            sampleRate = SampleRates[frequencyIndex];
        }
        else
        {
            return false;
        }

        int channels = (int)reader.ReadBits(4);
        if (reader.Overrun || objectType == 0 || sampleRate == 0)
        {
            return false;
        }

        result = new AacAudioSpecificConfig(objectType, sampleRate, channels);
        return true;
    }
}
