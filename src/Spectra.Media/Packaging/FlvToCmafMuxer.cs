using System.Buffers;
using Spectra.Media.Flv;
using Spectra.Media.Mp4;

namespace Spectra.Media.Packaging;

/// <summary>
/// Turns the FLV tags of one publisher (H.264 and/or AAC, Adobe FLV v10.1 annex E) into a CMAF byte
/// stream: one init segment (<see cref="Fmp4InitSegmentWriter"/>), then moof + mdat fragments
/// (<see cref="Fmp4FragmentWriter"/>) with a video and an audio 'traf' each, the stream
/// <see cref="CmafPackager"/> reads. One instance is one generation: a new decoder configuration
/// needs a new muxer (and a new packager run).
/// </summary>
/// <remarks>
/// <para>Timing: FLV timestamps are milliseconds. Video uses a 90 kHz timescale (decode time =
/// (timestamp − first keyframe) × 90, composition offset = CompositionTime × 90); audio uses the
/// sample rate, each AAC frame lasting 1024 samples, and follows the FLV timestamps only when they
/// move more than one frame away from that count (a gap or a jump). Both tracks share the origin (the
/// first video keyframe, or the first audio frame without video), so they stay in sync.</para>
/// <para>Fragments start at every video keyframe, and also once the open fragment holds
/// <c>fragmentDurationMs</c> of video (0: keyframes only), so each is a future LL-HLS part. A video
/// sample's duration is only known when the next one arrives, so a fragment is written when the
/// sample after it arrives. Media before the first keyframe is dropped (it cannot be decoded).</para>
/// <para>Sample bytes are copied into pooled buffers; nothing is allocated per tag once they have grown.</para>
/// </remarks>
internal sealed class FlvToCmafMuxer : IDisposable
{
    private const uint AacFrameSamples = 1024;
    private const uint DefaultVideoSampleDuration = 3000; // 30 fps at 90 kHz, for the last sample of a stream

    // Audio waiting for video: past this many frames (≈ 2 s at 48 kHz) it is written on its own.
    private const int MaxPendingAudioFrames = 96;

    private readonly IBufferWriter<byte> _output;
    private readonly bool _hasVideo;
    private readonly bool _hasAudio;
    private readonly uint _audioTrackId;
    private readonly uint _sampleRate;
    private readonly ulong _fragmentTicks;
    private readonly SampleBuffer _video = new();
    private readonly SampleBuffer _audio = new();
    private long _originMs = -1;
    private uint _sequence;
    private ulong _nextAudioDecodeTime;
    private bool _audioStarted;
    private uint _lastVideoDuration = DefaultVideoSampleDuration;

    /// <param name="output">Receives the init segment at once, then fragments.</param>
    /// <param name="video">The H.264 track, or null.</param>
    /// <param name="audio">The AAC track, or null.</param>
    /// <param name="fragmentDurationMs">Also cut between keyframes after this much media (0–10000; 0: keyframes only).</param>
    public FlvToCmafMuxer(IBufferWriter<byte> output, Fmp4VideoTrack? video, Fmp4AudioTrack? audio, int fragmentDurationMs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(fragmentDurationMs);
        if (audio is { SampleRate: <= 0 })
        {
            throw new ArgumentException("The audio sample rate must be positive.", nameof(audio));
        }

        _output = output;
        _hasVideo = video is not null;
        _hasAudio = audio is not null;
        _audioTrackId = Fmp4InitSegmentWriter.AudioTrackId(_hasVideo);
        _sampleRate = (uint)(audio?.SampleRate ?? 1);

        // Audio-only streams are cut at the fragment duration, or every second with 0.
        int ms = fragmentDurationMs > 0 || _hasVideo ? fragmentDurationMs : 1000;
        _fragmentTicks = _hasVideo ? (ulong)ms * 90 : (ulong)ms * _sampleRate / 1000;
        Fmp4InitSegmentWriter.Write(output, video, audio);
    }

    /// <summary>Fragments written so far.</summary>
    public uint FragmentCount => _sequence;

    /// <summary>Adds one VIDEODATA tag body. Sequence headers and end-of-sequence tags are ignored.</summary>
    /// <returns>True when a fragment was written to the output.</returns>
    public bool AddVideo(uint timestampMs, ReadOnlySpan<byte> tagBody)
    {
        if (!_hasVideo || !FlvVideoTagHeader.TryParse(tagBody, out var header)
            || header.Codec != FlvVideoCodec.H264 || header.PacketType is not (1 or 3) || header.PayloadOffset >= tagBody.Length)
        {
            return false;
        }

        bool keyframe = header.FrameType == FlvVideoFrameType.Keyframe;
        if (_originMs < 0)
        {
            if (!keyframe)
            {
                return false;
            }

            _originMs = timestampMs;
        }

        if (timestampMs < _originMs)
        {
            return false;
        }

        ulong decodeTime = (ulong)(timestampMs - _originMs) * 90;
        bool written = false;
        if (_video.Count > 0)
        {
            ulong previous = _video.LastDecodeTime;
            uint duration = decodeTime > previous ? (uint)Math.Min(decodeTime - previous, uint.MaxValue) : 0;
            _video.SetLastDuration(duration);
            if (duration > 0)
            {
                _lastVideoDuration = duration;
            }

            if (keyframe || (_fragmentTicks > 0 && decodeTime - _video.FirstDecodeTime >= _fragmentTicks))
            {
                WriteFragment(decodeTime);
                written = true;
            }
        }

        _video.Add(decodeTime, new Fmp4Sample(0, tagBody.Length - header.PayloadOffset, keyframe, header.CompositionTimeMs * 90), tagBody[header.PayloadOffset..]);
        return written;
    }

    /// <summary>Adds one AUDIODATA tag body (AAC raw frames; the AudioSpecificConfig is ignored).</summary>
    /// <returns>True when a fragment was written to the output.</returns>
    public bool AddAudio(uint timestampMs, ReadOnlySpan<byte> tagBody)
    {
        if (!_hasAudio || !FlvAudioTagHeader.TryParse(tagBody, out var header)
            || header.Codec != FlvAudioCodec.Aac || header.PacketType != 1 || header.PayloadOffset >= tagBody.Length)
        {
            return false;
        }

        if (_originMs < 0)
        {
            if (_hasVideo)
            {
                return false;
            }

            _originMs = timestampMs;
        }

        if (timestampMs < _originMs)
        {
            return false;
        }

        ulong decodeTime = (ulong)(timestampMs - _originMs) * _sampleRate / 1000;
        if (_audioStarted)
        {
            ulong expected = _nextAudioDecodeTime;
            ulong drift = decodeTime > expected ? decodeTime - expected : expected - decodeTime;
            if (drift < AacFrameSamples)
            {
                decodeTime = expected;
            }
        }

        _audioStarted = true;
        _nextAudioDecodeTime = decodeTime + AacFrameSamples;
        _audio.Add(decodeTime, new Fmp4Sample(AacFrameSamples, tagBody.Length - header.PayloadOffset, true, 0), tagBody[header.PayloadOffset..]);

        if (!_hasVideo)
        {
            if (_audio.LastDecodeTime + AacFrameSamples - _audio.FirstDecodeTime >= _fragmentTicks)
            {
                WriteFragment(ulong.MaxValue);
                return true;
            }
        }
        else if (_audio.Count >= MaxPendingAudioFrames)
        {
            WriteAudioOnlyFragment();
            return true;
        }

        return false;
    }

    /// <summary>End of stream: writes what is pending; the last video sample lasts as long as the one before.</summary>
    /// <returns>True when a fragment was written.</returns>
    public bool Flush()
    {
        if (_video.Count > 0)
        {
            _video.SetLastDuration(_lastVideoDuration);
            WriteFragment(ulong.MaxValue);
            return true;
        }

        if (_audio.Count > 0)
        {
            WriteFragment(ulong.MaxValue);
            return true;
        }

        return false;
    }

    public void Dispose()
    {
        _video.Dispose();
        _audio.Dispose();
    }

    /// <summary>Writes every pending video sample and the audio decoded before <paramref name="videoCut"/> (90 kHz).</summary>
    private void WriteFragment(ulong videoCut)
    {
        int audioCount = _audio.Count;
        if (_hasVideo && videoCut != ulong.MaxValue)
        {
            ulong audioCut = videoCut * _sampleRate / 90_000;
            audioCount = _audio.CountBefore(audioCut);
        }

        var video = new Fmp4TrackRun(Fmp4InitSegmentWriter.VideoTrackId, true, _video.FirstDecodeTime, _video.Samples, _video.Data);
        var audio = new Fmp4TrackRun(_audioTrackId, false, _audio.FirstDecodeTime, _audio.Samples[..audioCount], _audio.DataOf(audioCount));
        Fmp4FragmentWriter.Write(_output, ++_sequence, video, audio);
        _video.Clear();
        _audio.RemoveFirst(audioCount);
    }

    private void WriteAudioOnlyFragment()
    {
        var audio = new Fmp4TrackRun(_audioTrackId, false, _audio.FirstDecodeTime, _audio.Samples, _audio.Data);
        Fmp4FragmentWriter.Write(_output, ++_sequence, default, audio);
        _audio.Clear();
    }

    /// <summary>Pending samples of one track: descriptions, decode times and bytes in pooled arrays.</summary>
    private sealed class SampleBuffer : IDisposable
    {
        private Fmp4Sample[] _samples = ArrayPool<Fmp4Sample>.Shared.Rent(64);
        private ulong[] _decodeTimes = ArrayPool<ulong>.Shared.Rent(64);
        private byte[] _data = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _length;

        public int Count { get; private set; }

        public ulong FirstDecodeTime => Count > 0 ? _decodeTimes[0] : 0;

        public ulong LastDecodeTime => _decodeTimes[Count - 1];

        public ReadOnlySpan<Fmp4Sample> Samples => _samples.AsSpan(0, Count);

        public ReadOnlySpan<byte> Data => _data.AsSpan(0, _length);

        public void Add(ulong decodeTime, Fmp4Sample sample, ReadOnlySpan<byte> bytes)
        {
            if (Count == _samples.Length)
            {
                _samples = Grow(_samples, Count);
                _decodeTimes = Grow(_decodeTimes, Count);
            }

            if (_length + bytes.Length > _data.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_data.Length * 2, _length + bytes.Length));
                _data.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_data);
                _data = larger;
            }

            bytes.CopyTo(_data.AsSpan(_length));
            _length += bytes.Length;
            _samples[Count] = sample;
            _decodeTimes[Count] = decodeTime;
            Count++;
        }

        public void SetLastDuration(uint duration) => _samples[Count - 1] = _samples[Count - 1] with { Duration = duration };

        /// <summary>Number of leading samples decoded before <paramref name="decodeTime"/>.</summary>
        public int CountBefore(ulong decodeTime)
        {
            int count = 0;
            while (count < Count && _decodeTimes[count] < decodeTime)
            {
                count++;
            }

            return count;
        }

        public ReadOnlySpan<byte> DataOf(int count)
        {
            int bytes = 0;
            for (int i = 0; i < count; i++)
            {
                bytes += _samples[i].Size;
            }

            return _data.AsSpan(0, bytes);
        }

        public void RemoveFirst(int count)
        {
            if (count == 0)
            {
                return;
            }

            int bytes = DataOf(count).Length;
            _data.AsSpan(bytes, _length - bytes).CopyTo(_data);
            _length -= bytes;
            _samples.AsSpan(count, Count - count).CopyTo(_samples);
            _decodeTimes.AsSpan(count, Count - count).CopyTo(_decodeTimes);
            Count -= count;
        }

        public void Clear()
        {
            Count = 0;
            _length = 0;
        }

        public void Dispose()
        {
            ArrayPool<Fmp4Sample>.Shared.Return(_samples);
            ArrayPool<ulong>.Shared.Return(_decodeTimes);
            ArrayPool<byte>.Shared.Return(_data);
            _samples = [];
            _decodeTimes = [];
            _data = [];
            Count = 0;
            _length = 0;
        }

        private static T[] Grow<T>(T[] array, int count)
        {
            var larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
            array.AsSpan(0, count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(array);
            return larger;
        }
    }
}
