using System.Buffers;
using Spectra.Media.Mp4;
using Spectra.Media.Packaging.Internal;

namespace Spectra.Media.Packaging;

internal sealed partial class CmafPackager
{
    private static readonly Mp4BoxType[] SkippedTypes =
    [
        Mp4BoxType.Styp, Mp4BoxType.From("sidx"), Mp4BoxType.From("free"), Mp4BoxType.From("skip"),
        Mp4BoxType.From("prft"), Mp4BoxType.From("emsg"), Mp4BoxType.From("mfra"), Mp4BoxType.Uuid,
        Mp4BoxType.From("meta"), Mp4BoxType.From("udta"),
    ];

    /// <summary>State of one <see cref="RunAsync"/> call: one generation.</summary>
    private sealed class Run : IDisposable
    {
        private readonly CmafPackager _owner;
        private readonly SegmentBuffer _segment;
        private readonly List<CmafFragment> _fragments = new(16);
        private byte[]? _ftyp;
        private CmafInitSegment? _init;
        private uint _referenceTrackId;
        private bool _referenceIsVideo;
        private uint _timescale;
        private ulong _targetTicks;

        // The fragment whose moof was read and whose mdat is expected next.
        private bool _moofPending;
        private bool _skipPendingMdat;
        private int _pendingStart;
        private ulong _pendingDuration;
        private bool _pendingIndependent;
        private ulong _pendingDecodeTime;

        // The open segment.
        private ulong _segmentDecodeTime;
        private ulong _segmentDuration;

        // Decode time the next fragment of the reference track starts at, for fragments without 'tfdt'
        // (ffmpeg 5.1 omits it with +cmaf).
        private ulong _nextDecodeTime;

        private bool _warnedLongSegment;

        // Program date time anchor of this generation.
        private bool _anchored;
        private DateTimeOffset _anchorWallClock;
        private ulong _anchorDecodeTime;

        public Run(CmafPackager owner)
        {
            _owner = owner;
            _segment = new SegmentBuffer(256 * 1024, owner._options.MaxSegmentSize);
        }

        /// <summary>Absolute offset in the input of the next unread box.</summary>
        public long Offset { get; private set; }

        /// <summary>Handles one complete top-level box at the start of <paramref name="buffer"/>.</summary>
        /// <returns>False when the buffer does not yet hold a complete box.</returns>
        public bool TryConsumeBox(ref ReadOnlySequence<byte> buffer)
        {
            if (!Mp4BoxReader.TryReadHeader(buffer, Offset, _owner._options.MaxBoxSize, out var header)
                || buffer.Length < header.Size)
            {
                return false;
            }

            var box = buffer.Slice(0, header.Size);
            HandleBox(header, box);
            buffer = buffer.Slice(header.Size);
            Offset += header.Size;
            return true;
        }

        /// <summary>End of input: leftover bytes mean a truncated box; otherwise publish the open segment.</summary>
        public void Complete(ReadOnlySequence<byte> rest)
        {
            if (rest.Length > 0)
            {
                if (Mp4BoxReader.TryReadHeader(rest, Offset, _owner._options.MaxBoxSize, out var header))
                {
                    throw new Mp4FormatException(
                        $"Input ended inside box '{header.Type}' at offset {Offset}: {header.Size} bytes declared, {rest.Length} received.",
                        Offset,
                        header.Type);
                }

                throw new Mp4FormatException($"Input ended inside a box header at offset {Offset} ({rest.Length} bytes).", Offset, null);
            }

            if (_moofPending)
            {
                throw new Mp4FormatException($"Input ended after a 'moof' without its 'mdat' (offset {Offset}).", Offset, Mp4BoxType.Mdat);
            }

            if (_fragments.Count > 0)
            {
                CutSegment();
            }
        }

        /// <summary>
        /// The run failed or was cancelled: the complete fragments of the open segment were already
        /// served as parts, so they become a (short) segment: a part URL never names other bytes, and
        /// the next generation's first segment takes the next sequence number. A pending 'moof'
        /// without its 'mdat' is left out.
        /// </summary>
        public void PublishCompleteFragments()
        {
            if (_fragments.Count > 0)
            {
                CutSegment();
            }
        }

        public void Dispose() => _segment.Dispose();

        private void HandleBox(Mp4BoxHeader header, in ReadOnlySequence<byte> box)
        {
            var type = header.Type;
            if (type == Mp4BoxType.Moof)
            {
                HandleMoof(header, box);
            }
            else if (type == Mp4BoxType.Mdat)
            {
                HandleMdat(header, box);
            }
            else if (type == Mp4BoxType.Ftyp)
            {
                if (_init is not null)
                {
                    throw new Mp4FormatException($"'ftyp' at offset {Offset} after the init segment; a new init segment needs a new run.", Offset, type);
                }

                _ftyp = box.ToArray();
            }
            else if (type == Mp4BoxType.Moov)
            {
                HandleMoov(box);
            }
            else if (Array.IndexOf(SkippedTypes, type) >= 0 || _init is null)
            {
                Log.BoxSkipped(_owner._logger, _owner._rendition.Name, type.ToString(), Offset);
            }
            else
            {
                throw new Mp4FormatException($"Unexpected top-level box '{type}' at offset {Offset} in a fragmented MP4 stream.", Offset, type);
            }
        }

        private void HandleMoov(in ReadOnlySequence<byte> box)
        {
            if (_init is not null)
            {
                throw new Mp4FormatException($"Second 'moov' at offset {Offset}; a new init segment needs a new run.", Offset, Mp4BoxType.Moov);
            }

            var moovBytes = box.ToArray();
            var movie = Mp4InitSegmentParser.Parse(moovBytes.AsSpan(), Offset);
            if (!movie.IsFragmented)
            {
                throw new Mp4FormatException($"'moov' at offset {Offset} has no 'mvex': the input is not fragmented (ffmpeg -movflags +frag_keyframe+empty_moov).", Offset, Mp4BoxType.Mvex);
            }

            var reference = movie.Video ?? movie.Audio
                ?? throw new Mp4FormatException($"'moov' at offset {Offset} has neither a video nor an audio track.", Offset, Mp4BoxType.Trak);
            _referenceTrackId = reference.TrackId;
            _referenceIsVideo = reference.Kind == Mp4TrackKind.Video;
            _timescale = reference.Timescale;
            _targetTicks = (ulong)Math.Round(_owner._options.TargetSegmentDuration.TotalSeconds * _timescale);

            var ftyp = _ftyp ?? [];
            var initBytes = new byte[ftyp.Length + moovBytes.Length];
            ftyp.CopyTo(initBytes, 0);
            moovBytes.CopyTo(initBytes, ftyp.Length);
            _init = _owner._window.BeginGeneration(initBytes, movie);
            Log.GenerationStarted(_owner._logger, _owner._rendition.Name, _init.Generation, _init.Codecs, _init.FirstSequence);
        }

        private void HandleMoof(Mp4BoxHeader header, in ReadOnlySequence<byte> box)
        {
            if (_init is null)
            {
                throw new Mp4FormatException($"'moof' at offset {Offset} before any 'moov'.", Offset, Mp4BoxType.Moof);
            }

            if (_moofPending)
            {
                throw new Mp4FormatException($"'moof' at offset {Offset} follows a 'moof' without its 'mdat'.", Offset, Mp4BoxType.Moof);
            }

            Mp4FragmentInfo info;
            if (box.IsSingleSegment)
            {
                info = Mp4FragmentParser.Parse(box.FirstSpan, Offset, _init.Movie);
            }
            else
            {
                var rented = ArrayPool<byte>.Shared.Rent((int)header.Size);
                try
                {
                    box.CopyTo(rented);
                    info = Mp4FragmentParser.Parse(rented.AsSpan(0, (int)header.Size), Offset, _init.Movie);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }

            var reference = info.FindTrack(_referenceTrackId);
            var independent = reference is { SampleCount: > 0 } r && (!_referenceIsVideo || r.FirstSampleIsSync);
            var duration = reference?.Duration ?? 0;
            var decodeTime = reference is { HasDecodeTime: true } timed ? timed.BaseMediaDecodeTime : _nextDecodeTime;
            CheckTiming(decodeTime, duration);

            if (_fragments.Count == 0 && !independent)
            {
                // A segment must start with a sync sample (CMAF §7.3.2.2); only the head of a
                // stream can lack one, and those samples cannot be decoded anyway.
                Log.LeadingFragmentDropped(_owner._logger, _owner._rendition.Name, info.SequenceNumber);
                _moofPending = true;
                _skipPendingMdat = true;
                _nextDecodeTime = decodeTime + duration;
                return;
            }

            if (_fragments.Count > 0 && independent && _segmentDuration >= _targetTicks)
            {
                CutSegment();
            }
            else if (!_warnedLongSegment && _segmentDuration >= 3 * _targetTicks)
            {
                _warnedLongSegment = true;
                Log.NoCutPoint(_owner._logger, _owner._rendition.Name, TicksToTimeSpan(_segmentDuration).TotalMilliseconds);
            }

            if (_fragments.Count == 0)
            {
                _segmentDecodeTime = decodeTime;
                _segmentDuration = 0;
                if (!_anchored)
                {
                    // ffmpeg writes a fragment once it is complete, so the first sample was captured
                    // about one fragment duration before its moof arrives.
                    _anchored = true;
                    _anchorDecodeTime = decodeTime;
                    _anchorWallClock = _owner._time.GetUtcNow() - TicksToTimeSpan(duration);
                }
            }

            _pendingStart = _segment.Length;
            AppendOrThrow(box, Mp4BoxType.Moof);
            _moofPending = true;
            _skipPendingMdat = false;
            _pendingDuration = duration;
            _pendingIndependent = independent;
            _pendingDecodeTime = decodeTime;
        }

        private void HandleMdat(Mp4BoxHeader header, in ReadOnlySequence<byte> box)
        {
            if (!_moofPending)
            {
                throw new Mp4FormatException($"'mdat' at offset {Offset} without a preceding 'moof'.", Offset, header.Type);
            }

            _moofPending = false;
            if (_skipPendingMdat)
            {
                _skipPendingMdat = false;
                return;
            }

            AppendOrThrow(box, Mp4BoxType.Mdat);
            var fragment = new CmafFragment(_pendingStart, _segment.Length - _pendingStart, TicksToTimeSpan(_pendingDuration), _pendingIndependent);
            _fragments.Add(fragment);

            // The fragment is complete: publish it as the next LL-HLS part of the open segment at once.
            _owner._window.AppendPart(_segment.CopyFrom(_pendingStart), fragment.Duration, fragment.IsIndependent);

            // EXTINF is the media the segment holds: the sum of its sample durations (§4.3.2.1).
            _segmentDuration += _pendingDuration;
            _nextDecodeTime = _pendingDecodeTime + _pendingDuration;
        }

        /// <summary>
        /// Rejects timing no encoder produces (a fragment over an hour, or a decode time an hour away
        /// from where the previous fragment ended): it would corrupt durations and dates.
        /// </summary>
        private void CheckTiming(ulong decodeTime, ulong duration)
        {
            var limit = 3600UL * _timescale;
            if (duration > limit)
            {
                throw new Mp4FormatException(
                    $"'moof' at offset {Offset}: reference track fragment lasts {duration} ticks at {_timescale} Hz, more than an hour.",
                    Offset,
                    Mp4BoxType.Trun);
            }

            if (_anchored)
            {
                var gap = decodeTime > _nextDecodeTime ? decodeTime - _nextDecodeTime : _nextDecodeTime - decodeTime;
                if (gap > limit)
                {
                    throw new Mp4FormatException(
                        $"'moof' at offset {Offset}: decode time jumps from {_nextDecodeTime} to {decodeTime} ticks at {_timescale} Hz.",
                        Offset,
                        Mp4BoxType.Tfdt);
                }
            }
        }

        private void AppendOrThrow(in ReadOnlySequence<byte> box, Mp4BoxType type)
        {
            if (!_segment.TryAppend(box))
            {
                throw new Mp4FormatException(
                    $"Segment would exceed {_owner._options.MaxSegmentSize} bytes at '{type}' offset {Offset}: no sync sample to cut at (GOP too long or bit rate too high).",
                    Offset,
                    type);
            }
        }

        private void CutSegment()
        {
            var init = _init!;
            var elapsed = _segmentDecodeTime >= _anchorDecodeTime
                ? TicksToTimeSpan(_segmentDecodeTime - _anchorDecodeTime)
                : -TicksToTimeSpan(_anchorDecodeTime - _segmentDecodeTime);
            var last = _fragments[^1];
            var data = _segment.Detach(last.Offset + last.Length);
            var fragments = _fragments.ToArray();
            _fragments.Clear();
            var segment = _owner._window.Append(init, _segmentDecodeTime, _timescale, _segmentDuration, _anchorWallClock + elapsed, data, fragments);
            Log.SegmentAdded(_owner._logger, _owner._rendition.Name, segment.Sequence, segment.Duration.TotalMilliseconds, data.Length, fragments.Length);
            _segmentDecodeTime += _segmentDuration;
            _segmentDuration = 0;
        }

        private TimeSpan TicksToTimeSpan(ulong ticks) =>
            TimeSpan.FromTicks((long)((UInt128)ticks * TimeSpan.TicksPerSecond / _timescale));
    }
}
