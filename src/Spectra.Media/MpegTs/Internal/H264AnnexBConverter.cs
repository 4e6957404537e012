using System.Buffers.Binary;
using Spectra.Media.Flv;

namespace Spectra.Media.MpegTs.Internal;

/// <summary>
/// H.264 access units in Annex B byte-stream form (ITU-T H.264 annex B: NAL units behind 00 00 01 / 00 00 00 01 start
/// codes), as an MPEG-TS PES of stream type 0x1B carries them, turned into FLV video tags (Adobe FLV v10.1 annex E.4.3):
/// <code>
/// sequence header: 0x17 | AVCPacketType 0 | CTS 0 (SI24) | AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1)
/// frame:           FrameType UB[4] (1 key, 2 inter) CodecID UB[4] = 7 | AVCPacketType 1 | CTS SI24 (ms) | { UI32 length | NAL unit } ...
/// </code>
/// SPS (7), PPS (8) and access unit delimiters (9) leave the frames; a new sequence header goes out whenever the SPS or
/// PPS changes. Frames before the first sequence header and keyframe are dropped.
/// </summary>
internal sealed class H264AnnexBConverter : IDisposable
{
    private const int NalSps = 7;
    private const int NalPps = 8;
    private const int NalAud = 9;
    private const int NalIdr = 5;
    private readonly PooledByteBuffer _output = new(64 * 1024);
    private readonly List<(int Start, int Length)> _nals = new(16);
    private byte[] _sps = [];
    private byte[] _pps = [];
    private byte[]? _sentSps;
    private byte[]? _sentPps;
    private bool _keyframeSeen;

    /// <summary>Access units dropped because no SPS/PPS or keyframe had arrived yet.</summary>
    public long DroppedBeforeKeyframe { get; private set; }

    public void Convert(ReadOnlySpan<byte> accessUnit, uint dtsMs, int compositionOffsetMs, IMpegTsTagSink sink)
    {
        SplitNalUnits(accessUnit);
        bool keyframe = false;
        int frameLength = 5;
        foreach (var (start, length) in _nals)
        {
            var nal = accessUnit.Slice(start, length);
            switch (nal[0] & 0x1F)
            {
                case NalSps:
                    Remember(ref _sps, nal);
                    break;
                case NalPps:
                    Remember(ref _pps, nal);
                    break;
                case NalAud:
                    break;
                default:
                    keyframe |= (nal[0] & 0x1F) == NalIdr;
                    frameLength += 4 + length;
                    break;
            }
        }

        if (_sps.Length > 0 && _pps.Length > 0 && (!_sps.AsSpan().SequenceEqual(_sentSps) || !_pps.AsSpan().SequenceEqual(_sentPps)))
        {
            _sentSps = _sps;
            _sentPps = _pps;
            WriteSequenceHeader(dtsMs, sink);
        }

        if (frameLength == 5)
        {
            return;
        }

        if (_sentSps is null || !(_keyframeSeen |= keyframe))
        {
            DroppedBeforeKeyframe++;
            return;
        }

        var body = _output.Reset(frameLength);
        body[0] = (byte)((keyframe ? 0x10 : 0x20) | 7);
        body[1] = 1;
        WriteInt24(body[2..], compositionOffsetMs);
        int offset = 5;
        foreach (var (start, length) in _nals)
        {
            var nal = accessUnit.Slice(start, length);
            if ((nal[0] & 0x1F) is NalSps or NalPps or NalAud)
            {
                continue;
            }

            BinaryPrimitives.WriteInt32BigEndian(body[offset..], length);
            nal.CopyTo(body[(offset + 4)..]);
            offset += 4 + length;
        }

        sink.OnTag(FlvTagType.Video, dtsMs, body);
    }

    public void Dispose() => _output.Dispose();

    private static void Remember(ref byte[] stored, ReadOnlySpan<byte> nal)
    {
        if (!nal.SequenceEqual(stored))
        {
            stored = nal.ToArray();
        }
    }

    private static void WriteInt24(Span<byte> destination, int value)
    {
        destination[0] = (byte)(value >> 16);
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)value;
    }

    /// <summary>Fills <see cref="_nals"/> with the NAL units between start codes (trailing zero bytes belong to the next start code).</summary>
    private void SplitNalUnits(ReadOnlySpan<byte> data)
    {
        _nals.Clear();
        int start = -1;
        int i = 0;
        while (i + 2 < data.Length)
        {
            int found = data[i..].IndexOf((ReadOnlySpan<byte>)[0, 0, 1]);
            if (found < 0)
            {
                break;
            }

            int codeAt = i + found;
            if (start >= 0)
            {
                AddNal(data, start, codeAt);
            }

            start = codeAt + 3;
            i = start;
        }

        if (start >= 0)
        {
            AddNal(data, start, data.Length);
        }
    }

    private void AddNal(ReadOnlySpan<byte> data, int start, int end)
    {
        while (end > start && data[end - 1] == 0)
        {
            end--;
        }

        if (end > start)
        {
            _nals.Add((start, end - start));
        }
    }

    private void WriteSequenceHeader(uint timestampMs, IMpegTsTagSink sink)
    {
        // 5 bytes of tag header, 6 of record header, SPS with its length, PPS count, PPS with its length.
        var body = _output.Reset(5 + 6 + 2 + _sps.Length + 1 + 2 + _pps.Length);
        body[0] = 0x17;
        body[1] = 0;
        body[2] = body[3] = body[4] = 0;
        var record = body[5..];
        record[0] = 1;
        record[1] = _sps.Length > 1 ? _sps[1] : (byte)0;
        record[2] = _sps.Length > 2 ? _sps[2] : (byte)0;
        record[3] = _sps.Length > 3 ? _sps[3] : (byte)0;
        record[4] = 0xFF; // lengthSizeMinusOne = 3
        record[5] = 0xE1; // one SPS
        BinaryPrimitives.WriteUInt16BigEndian(record[6..], (ushort)_sps.Length);
        _sps.CopyTo(record[8..]);
        int p = 8 + _sps.Length;
        record[p] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(record[(p + 1)..], (ushort)_pps.Length);
        _pps.CopyTo(record[(p + 3)..]);
        sink.OnTag(FlvTagType.Video, timestampMs, body);
    }
}
