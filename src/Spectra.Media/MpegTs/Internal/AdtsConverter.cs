using Spectra.Media.Flv;

namespace Spectra.Media.MpegTs.Internal;

/// <summary>
/// AAC in ADTS framing (ISO/IEC 13818-7 §6.2, MPEG-TS stream type 0x0F) turned into FLV audio tags (Adobe FLV v10.1
/// annex E.4.2): <c>0xAF | AACPacketType (0 = AudioSpecificConfig, 1 = raw frame) | data</c>.
/// <code>
/// ADTS header: syncword 0xFFF UB[12] | ID UB[1] | layer UB[2] | protection_absent UB[1] | profile UB[2]
///   | sampling_frequency_index UB[4] | private UB[1] | channel_configuration UB[3] | 4 bits | frame_length UB[13]
///   | buffer_fullness UB[11] | number_of_raw_data_blocks UB[2]   (+ CRC UI16 when protection_absent = 0)
/// </code>
/// One PES may hold several frames; each after the first is dated 1024 samples later. A new AudioSpecificConfig goes
/// out whenever profile, rate or channels change.
/// </summary>
internal sealed class AdtsConverter : IDisposable
{
    // ISO/IEC 14496-3 Table 1.16; indices 13 and 14 are reserved, 15 is not allowed in ADTS.
    private static readonly int[] SampleRates =
        [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

    private readonly PooledByteBuffer _output = new(4096);
    private int _config = -1;

    /// <summary>ADTS frames dropped: bad sync word, reserved rate, or cut short.</summary>
    public long BadFrames { get; private set; }

    /// <param name="pts">Presentation time of the first frame, 90 kHz ticks from the stream's start.</param>
    public void Convert(ReadOnlySpan<byte> data, long pts, IMpegTsTagSink sink)
    {
        int index = 0;
        while (data.Length >= 7)
        {
            if (data[0] != 0xFF || (data[1] & 0xF6) != 0xF0)
            {
                BadFrames++;
                return;
            }

            bool hasCrc = (data[1] & 0x01) == 0;
            int profile = data[2] >> 6;
            int rateIndex = (data[2] >> 2) & 0x0F;
            int channels = ((data[2] & 0x01) << 2) | (data[3] >> 6);
            int frameLength = ((data[3] & 0x03) << 11) | (data[4] << 3) | (data[5] >> 5);
            int headerLength = hasCrc ? 9 : 7;
            if (rateIndex >= SampleRates.Length || frameLength <= headerLength || frameLength > data.Length)
            {
                BadFrames++;
                return;
            }

            int objectType = profile + 1;
            int config = (objectType << 11) | (rateIndex << 7) | (channels << 3);
            long ticks = pts + ((long)index * 1024 * 90000 / SampleRates[rateIndex]);
            uint timestampMs = MpegTsClock.ToMilliseconds(ticks);
            if (config != _config)
            {
                _config = config;
                var header = _output.Reset(4);
                header[0] = 0xAF;
                header[1] = 0;
                header[2] = (byte)(config >> 8);
                header[3] = (byte)config;
                sink.OnTag(FlvTagType.Audio, timestampMs, header);
            }

            var raw = data[headerLength..frameLength];
            var body = _output.Reset(2 + raw.Length);
            body[0] = 0xAF;
            body[1] = 1;
            raw.CopyTo(body[2..]);
            sink.OnTag(FlvTagType.Audio, timestampMs, body);
            data = data[frameLength..];
            index++;
        }
    }

    public void Dispose() => _output.Dispose();
}
