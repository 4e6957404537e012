using System.Buffers.Binary;
using Spectra.Media.MpegTs.Internal;

namespace Spectra.Media.MpegTs;

/// <summary>
/// Demultiplexes an MPEG-2 transport stream (ISO/IEC 13818-1) carrying one program with H.264 video (stream type
/// 0x1B) and/or AAC audio in ADTS (0x0F) into FLV tag bodies for the live media plane. Byte-level and I/O free:
/// <see cref="Feed"/> takes the stream in chunks of any size (SRT delivers 7 packets per message).
/// <code>
/// packet (188 bytes): sync 0x47 | TEI UB[1] | PUSI UB[1] | priority UB[1] | PID UB[13]
///                     | scrambling UB[2] | adaptation_field_control UB[2] | continuity_counter UB[4]
///                     | [adaptation_field_length UI8 | adaptation field] | payload
/// </code>
/// Damage is contained: a packet whose next packet does not start with the sync byte is skipped as truncated, a
/// continuity_counter gap (§2.4.3.3) drops the PES it hits, sections failing their CRC are ignored, PES larger than
/// the limit are dropped; all of it is counted in <see cref="Statistics"/>. Memory is bounded by one PES per stream.
/// </summary>
public sealed class MpegTsDemuxer : IDisposable
{
    /// <summary>Default largest PES (one access unit), 8 MiB, the same bound as the largest RTMP message.</summary>
    public const int DefaultMaxPesSize = 8 * 1024 * 1024;

    private const int PacketSize = 188;
    private const byte SyncByte = 0x47;
    private const int PatPid = 0;
    private const int NullPid = 0x1FFF;
    private const byte StreamTypeH264 = 0x1B;
    private const byte StreamTypeAdts = 0x0F;

    private readonly IMpegTsTagSink _sink;
    private readonly int _maxPesSize;
    private readonly byte[] _carry = new byte[PacketSize];
    private readonly Section _pat = new();
    private readonly Section _pmt = new();
    private readonly ElementaryStream _video;
    private readonly ElementaryStream _audio;
    private readonly H264AnnexBConverter _h264 = new();
    private readonly AdtsConverter _adts = new();
    private MpegTsClock _clock;
    private int _carryLength;
    private int _pmtPid = -1;
    private long _packets;
    private long _continuityErrors;
    private long _skippedBytes;
    private long _droppedPes;
    private long _badSections;

    public MpegTsDemuxer(IMpegTsTagSink sink, int maxPesSize = DefaultMaxPesSize)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPesSize, PacketSize);
        _maxPesSize = maxPesSize;
        _video = new ElementaryStream(64 * 1024);
        _audio = new ElementaryStream(4 * 1024);
    }

    public MpegTsStatistics Statistics => new(
        Interlocked.Read(ref _packets),
        Interlocked.Read(ref _continuityErrors),
        Interlocked.Read(ref _skippedBytes),
        Interlocked.Read(ref _droppedPes) + _h264.DroppedBeforeKeyframe,
        Interlocked.Read(ref _badSections));

    /// <summary>Streams of the program Spectra does not take, as "0x24 (H.265)"; empty before the PMT.</summary>
    public IReadOnlyList<string> IgnoredStreams { get; private set; } = [];

    /// <summary>True once the PMT named an H.264 or AAC stream.</summary>
    public bool HasProgram => _video.Pid >= 0 || _audio.Pid >= 0;

    /// <summary>Takes the next bytes of the stream and hands complete frames to the sink.</summary>
    /// <exception cref="MpegTsFormatException">The program has no H.264 or AAC stream, or its video is in a codec Spectra does not take.</exception>
    public void Feed(ReadOnlySpan<byte> data)
    {
        if (_carryLength > 0)
        {
            int take = Math.Min(PacketSize - _carryLength, data.Length);
            data[..take].CopyTo(_carry.AsSpan(_carryLength));
            _carryLength += take;
            data = data[take..];
            if (_carryLength < PacketSize)
            {
                return;
            }

            _carryLength = 0;
            if (data.IsEmpty || data[0] == SyncByte)
            {
                ReadPacket(_carry);
            }
            else
            {
                Interlocked.Add(ref _skippedBytes, PacketSize);
            }
        }

        while (!data.IsEmpty)
        {
            if (data[0] != SyncByte)
            {
                int sync = data.IndexOf(SyncByte);
                int skip = sync < 0 ? data.Length : sync;
                Interlocked.Add(ref _skippedBytes, skip);
                data = data[skip..];
                continue;
            }

            if (data.Length < PacketSize)
            {
                data.CopyTo(_carry);
                _carryLength = data.Length;
                return;
            }

            // A packet not followed by a sync byte is distrusted when another packet evidently starts inside it
            // (it was cut short); otherwise what follows it is garbage, skipped on the next turn.
            if (data.Length > PacketSize && data[PacketSize] != SyncByte && PacketStartsInside(data))
            {
                Interlocked.Increment(ref _skippedBytes);
                data = data[1..];
                continue;
            }

            ReadPacket(data[..PacketSize]);
            data = data[PacketSize..];
        }
    }

    /// <summary>
    /// The input has ended: the PES still being collected (video PES have no length, so each ends only when the next
    /// begins) is handed out.
    /// </summary>
    public void Complete()
    {
        foreach (var stream in new[] { _video, _audio })
        {
            if (stream.InProgress)
            {
                Flush(stream);
            }
        }
    }

    public void Dispose()
    {
        _video.Buffer.Dispose();
        _audio.Buffer.Dispose();
        _pat.Buffer.Dispose();
        _pmt.Buffer.Dispose();
        _h264.Dispose();
        _adts.Dispose();
    }

    /// <summary>True when a sync byte inside the first packet of <paramref name="data"/> is followed by another one a packet later.</summary>
    private static bool PacketStartsInside(ReadOnlySpan<byte> data)
    {
        for (int i = 1; i < PacketSize && i + PacketSize < data.Length; i++)
        {
            if (data[i] == SyncByte && data[i + PacketSize] == SyncByte)
            {
                return true;
            }
        }

        return false;
    }

    private static long ReadTimestamp(ReadOnlySpan<byte> b) =>
        ((long)(b[0] & 0x0E) << 29) | ((long)b[1] << 22) | ((long)(b[2] & 0xFE) << 14) | ((long)b[3] << 7) | ((long)b[4] >> 1);

    private static string Describe(byte streamType) => streamType switch
    {
        0x01 => "0x01 (MPEG-1 video)",
        0x02 => "0x02 (MPEG-2 video)",
        0x03 => "0x03 (MPEG-1 audio)",
        0x04 => "0x04 (MPEG-2 audio)",
        0x06 => "0x06 (private data)",
        0x10 => "0x10 (MPEG-4 part 2 video)",
        0x11 => "0x11 (AAC LATM)",
        0x24 => "0x24 (H.265)",
        0x81 => "0x81 (AC-3)",
        0x87 => "0x87 (E-AC-3)",
        _ => $"0x{streamType:x2}",
    };

    private static bool IsVideo(byte streamType) => streamType is 0x01 or 0x02 or 0x10 or 0x24 or 0x42 or 0xD1 or 0xEA;

    private void ReadPacket(ReadOnlySpan<byte> packet)
    {
        Interlocked.Increment(ref _packets);
        if ((packet[1] & 0x80) != 0)
        {
            // transport_error_indicator: the sender knows this packet is damaged.
            Interlocked.Increment(ref _skippedBytes);
            return;
        }

        bool unitStart = (packet[1] & 0x40) != 0;
        int pid = ((packet[1] & 0x1F) << 8) | packet[2];
        int adaptation = (packet[3] >> 4) & 0x03;
        int counter = packet[3] & 0x0F;
        if (pid == NullPid || adaptation == 0)
        {
            return;
        }

        int offset = 4;
        bool discontinuity = false;
        if ((adaptation & 0x02) != 0)
        {
            int length = packet[4];
            if (length > PacketSize - 5)
            {
                Interlocked.Increment(ref _skippedBytes);
                return;
            }

            discontinuity = length > 0 && (packet[5] & 0x80) != 0;
            offset = 5 + length;
        }

        if ((adaptation & 0x01) == 0)
        {
            return;
        }

        var payload = packet[offset..];
        if (pid == PatPid)
        {
            ReadSection(_pat, counter, discontinuity, unitStart, payload);
        }
        else if (pid == _pmtPid)
        {
            ReadSection(_pmt, counter, discontinuity, unitStart, payload);
        }
        else if (pid == _video.Pid)
        {
            ReadPes(_video, counter, discontinuity, unitStart, payload);
        }
        else if (pid == _audio.Pid)
        {
            ReadPes(_audio, counter, discontinuity, unitStart, payload);
        }
    }

    /// <summary>Continuity check (§2.4.3.3): false for a duplicate packet (to be ignored); a gap is counted and flagged.</summary>
    private bool CheckContinuity(PidState state, int counter, bool discontinuity, out bool gap)
    {
        gap = false;
        if (state.LastCounter >= 0 && !discontinuity)
        {
            if (counter == state.LastCounter)
            {
                return false;
            }

            if (counter != ((state.LastCounter + 1) & 0x0F))
            {
                gap = true;
                Interlocked.Increment(ref _continuityErrors);
            }
        }

        state.LastCounter = counter;
        return true;
    }

    private void ReadSection(Section section, int counter, bool discontinuity, bool unitStart, ReadOnlySpan<byte> payload)
    {
        if (!CheckContinuity(section, counter, discontinuity, out bool gap))
        {
            return;
        }

        if (gap)
        {
            section.InProgress = false;
        }

        if (unitStart)
        {
            int pointer = payload[0];
            if (pointer + 1 > payload.Length)
            {
                Interlocked.Increment(ref _badSections);
                section.InProgress = false;
                return;
            }

            section.Buffer.Clear();
            section.InProgress = true;
            payload = payload[(1 + pointer)..];
        }
        else if (!section.InProgress)
        {
            return;
        }

        section.Buffer.Append(payload);
        var data = section.Buffer.Span;
        if (data.Length < 3)
        {
            return;
        }

        int length = ((data[1] & 0x0F) << 8) | data[2];
        if (length > 1021 || length < 9)
        {
            Interlocked.Increment(ref _badSections);
            section.InProgress = false;
            return;
        }

        if (data.Length < 3 + length)
        {
            return;
        }

        section.InProgress = false;
        var complete = data[..(3 + length)];
        if (MpegTsCrc32.Compute(complete) != 0)
        {
            Interlocked.Increment(ref _badSections);
            return;
        }

        if (ReferenceEquals(section, _pat))
        {
            ReadPat(complete);
        }
        else
        {
            ReadPmt(complete);
        }
    }

    /// <summary>program_association_section (§2.4.4.3): the PMT PID of the first program.</summary>
    private void ReadPat(ReadOnlySpan<byte> section)
    {
        if (section[0] != 0x00)
        {
            Interlocked.Increment(ref _badSections);
            return;
        }

        var entries = section[8..^4];
        for (int i = 0; i + 4 <= entries.Length; i += 4)
        {
            int program = BinaryPrimitives.ReadUInt16BigEndian(entries[i..]);
            if (program == 0)
            {
                continue; // network_PID
            }

            int pid = ((entries[i + 2] & 0x1F) << 8) | entries[i + 3];
            if (pid != _pmtPid)
            {
                _pmtPid = pid;
                _pmt.LastCounter = -1;
                _pmt.InProgress = false;
            }

            return;
        }
    }

    /// <summary>TS_program_map_section (§2.4.4.8): the first H.264 and the first ADTS AAC stream.</summary>
    private void ReadPmt(ReadOnlySpan<byte> section)
    {
        if (section[0] != 0x02 || section.Length < 16)
        {
            Interlocked.Increment(ref _badSections);
            return;
        }

        int programInfoLength = ((section[10] & 0x0F) << 8) | section[11];
        var entries = section[..^4];
        int offset = 12 + programInfoLength;
        int video = -1;
        int audio = -1;
        var ignored = new List<string>();
        bool unsupportedVideo = false;
        while (offset + 5 <= entries.Length)
        {
            byte type = entries[offset];
            int pid = ((entries[offset + 1] & 0x1F) << 8) | entries[offset + 2];
            int infoLength = ((entries[offset + 3] & 0x0F) << 8) | entries[offset + 4];
            offset += 5 + infoLength;
            if (type == StreamTypeH264 && video < 0)
            {
                video = pid;
            }
            else if (type == StreamTypeAdts && audio < 0)
            {
                audio = pid;
            }
            else
            {
                unsupportedVideo |= IsVideo(type);
                ignored.Add(Describe(type));
            }
        }

        IgnoredStreams = ignored;
        if (video < 0 && (unsupportedVideo || audio < 0))
        {
            throw new MpegTsFormatException(ignored.Count == 0
                ? "the MPEG-TS program has no elementary stream"
                : $"the MPEG-TS program carries no stream Spectra takes ({string.Join(", ", ignored)}); send H.264 video (stream type 0x1B) with AAC audio in ADTS (0x0F)");
        }

        _video.Select(video);
        _audio.Select(audio);
    }

    private void ReadPes(ElementaryStream stream, int counter, bool discontinuity, bool unitStart, ReadOnlySpan<byte> payload)
    {
        if (!CheckContinuity(stream, counter, discontinuity, out bool gap))
        {
            return;
        }

        if (gap && stream.InProgress)
        {
            // A lost packet inside the PES: the frame is incomplete.
            stream.InProgress = false;
            stream.Buffer.Clear();
            Interlocked.Increment(ref _droppedPes);
        }

        if (unitStart)
        {
            if (stream.InProgress)
            {
                Flush(stream);
            }

            stream.Buffer.Clear();
            stream.InProgress = true;
        }
        else if (!stream.InProgress)
        {
            return;
        }

        if (stream.Buffer.Length + payload.Length > _maxPesSize)
        {
            stream.InProgress = false;
            stream.Buffer.Clear();
            Interlocked.Increment(ref _droppedPes);
            return;
        }

        stream.Buffer.Append(payload);
        var data = stream.Buffer.Span;
        if (data.Length >= 6)
        {
            int declared = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
            if (declared > 0 && data.Length >= 6 + declared)
            {
                Flush(stream);
            }
        }
    }

    /// <summary>PES_packet (§2.4.3.6): header, PTS/DTS, then the access unit to convert.</summary>
    private void Flush(ElementaryStream stream)
    {
        stream.InProgress = false;
        var pes = stream.Buffer.Span;
        int declared = pes.Length >= 6 ? BinaryPrimitives.ReadUInt16BigEndian(pes[4..]) : 0;
        if (pes.Length < 9 || pes[0] != 0 || pes[1] != 0 || pes[2] != 1 || (pes[6] & 0xC0) != 0x80)
        {
            Interlocked.Increment(ref _droppedPes);
            return;
        }

        int flags = pes[7] >> 6;
        int headerEnd = 9 + pes[8];
        if (flags is 0 or 1 || headerEnd > pes.Length || (flags == 3 && pes[8] < 10) || pes[8] < 5)
        {
            // No PTS: nothing to date the frame with.
            Interlocked.Increment(ref _droppedPes);
            return;
        }

        // DTS first: the stream's time starts at the first decode time, so frames reordered by B-frames never date before it.
        long dts = _clock.Extend(ReadTimestamp(flags == 3 ? pes[14..] : pes[9..]));
        long pts = flags == 3 ? _clock.Extend(ReadTimestamp(pes[9..])) : dts;
        var body = pes[headerEnd..(declared > 0 ? Math.Min(pes.Length, 6 + declared) : pes.Length)];
        if (ReferenceEquals(stream, _video))
        {
            int composition = (int)Math.Clamp((pts - dts) / 90, 0, 0x7FFFFF);
            _h264.Convert(body, MpegTsClock.ToMilliseconds(dts), composition, _sink);
        }
        else
        {
            _adts.Convert(body, pts, _sink);
        }
    }

    private class PidState
    {
        public int LastCounter { get; set; } = -1;

        public bool InProgress { get; set; }
    }

    private sealed class Section : PidState
    {
        public PooledByteBuffer Buffer { get; } = new(1024);
    }

    private sealed class ElementaryStream(int initialCapacity) : PidState
    {
        public int Pid { get; private set; } = -1;

        public PooledByteBuffer Buffer { get; } = new(initialCapacity);

        public void Select(int pid)
        {
            if (pid != Pid)
            {
                Pid = pid;
                LastCounter = -1;
                InProgress = false;
                Buffer.Clear();
            }
        }
    }
}
