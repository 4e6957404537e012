using Spectra.Media.Mp4.Internal;

namespace Spectra.Media.Mp4;

/// <summary>
/// Parses a movie fragment box (ISO/IEC 14496-12 §8.8.4):
/// <code>
/// moof
///  ├─ mfhd   sequence_number (§8.8.5)
///  └─ traf   one per track (§8.8.6)
///      ├─ tfhd   track_ID and sample defaults (§8.8.7)
///      ├─ tfdt   baseMediaDecodeTime (§8.8.12)
///      └─ trun   samples: duration, size, flags, composition offset (§8.8.8)
/// </code>
/// Sample flags (§8.8.3.1), 32 bits:
/// <code>
///  reserved(4) is_leading(2) depends_on(2) is_depended_on(2) has_redundancy(2)
///  padding(3) sample_is_non_sync_sample(1) degradation_priority(16)
/// </code>
/// Only fragments whose data offsets are relative to the 'moof' (default-base-is-moof, or no
/// base-data-offset, as ffmpeg writes with +default_base_moof or +cmaf) can be cut into segments, so an
/// explicit base-data-offset is rejected.
/// </summary>
internal static class Mp4FragmentParser
{
    private const uint NonSyncSampleFlag = 0x0001_0000;

    /// <summary>Parses one 'moof' box.</summary>
    /// <param name="moof">The box.</param>
    /// <param name="movie">The movie from the init segment, for 'trex' defaults.</param>
    public static Mp4FragmentInfo Parse(Mp4Box moof, Mp4MovieInfo movie)
    {
        ArgumentNullException.ThrowIfNull(movie);
        if (moof.Type != Mp4BoxType.Moof)
        {
            throw new Mp4FormatException($"Expected 'moof' at offset {moof.Offset}, found '{moof.Type}'.", moof.Offset, moof.Type);
        }

        uint sequence = 0;
        var tracks = new List<Mp4TrackFragment>(2);
        foreach (var child in moof.Children())
        {
            if (child.Type == Mp4BoxType.Mfhd)
            {
                var r = new Mp4FieldReader(child.Payload, child.PayloadOffset, child.Type);
                r.ReadFullBoxHeader();
                sequence = r.ReadUInt32("sequence_number");
            }
            else if (child.Type == Mp4BoxType.Traf)
            {
                tracks.Add(ParseTrackFragment(child, movie));
            }
        }

        return new Mp4FragmentInfo(sequence, tracks);
    }

    /// <summary>Parses a complete 'moof' box held in <paramref name="moofBox"/> (header included).</summary>
    public static Mp4FragmentInfo Parse(ReadOnlySpan<byte> moofBox, long offset, Mp4MovieInfo movie)
    {
        var enumerator = Mp4BoxReader.ReadChildren(moofBox, offset, depth: 0);
        if (!enumerator.MoveNext())
        {
            throw new Mp4FormatException($"No box at offset {offset}.", offset, null);
        }

        return Parse(enumerator.Current, movie);
    }

    private static Mp4TrackFragment ParseTrackFragment(Mp4Box traf, Mp4MovieInfo movie)
    {
        uint trackId = 0;
        Mp4TrackDefaults defaults = default;
        var haveHeader = false;
        ulong decodeTime = 0;
        var hasDecodeTime = false;
        var sampleCount = 0;
        ulong duration = 0;
        ulong dataSize = 0;
        var firstIsSync = false;
        var syncCount = 0;
        foreach (var child in traf.Children())
        {
            if (child.Type == Mp4BoxType.Tfhd)
            {
                var r = new Mp4FieldReader(child.Payload, child.PayloadOffset, child.Type);
                var (_, flags) = r.ReadFullBoxHeader();
                trackId = r.ReadUInt32("track_ID");
                var track = movie.FindTrack(trackId)
                    ?? throw new Mp4FormatException($"'tfhd' at offset {child.Offset} names track {trackId}, which the init segment does not declare.", child.Offset, child.Type);
                defaults = track.Defaults;
                if ((flags & 0x000001) != 0)
                {
                    throw new Mp4FormatException($"'tfhd' at offset {child.Offset} sets an explicit base-data-offset; fragments must be relative to their 'moof' (ffmpeg -movflags +default_base_moof).", child.Offset, child.Type);
                }

                if ((flags & 0x000002) != 0)
                {
                    r.ReadUInt32("sample_description_index");
                }

                var duration32 = (flags & 0x000008) != 0 ? r.ReadUInt32("default_sample_duration") : defaults.SampleDuration;
                var size32 = (flags & 0x000010) != 0 ? r.ReadUInt32("default_sample_size") : defaults.SampleSize;
                var flags32 = (flags & 0x000020) != 0 ? r.ReadUInt32("default_sample_flags") : defaults.SampleFlags;
                defaults = new Mp4TrackDefaults(duration32, size32, flags32);
                haveHeader = true;
            }
            else if (child.Type == Mp4BoxType.Tfdt)
            {
                var r = new Mp4FieldReader(child.Payload, child.PayloadOffset, child.Type);
                var (version, _) = r.ReadFullBoxHeader();
                decodeTime = r.ReadUInt32Or64(version == 1, "baseMediaDecodeTime");
                hasDecodeTime = true;
            }
            else if (child.Type == Mp4BoxType.Trun)
            {
                if (!haveHeader)
                {
                    throw new Mp4FormatException($"'trun' at offset {child.Offset} comes before the 'tfhd' of its 'traf'.", child.Offset, child.Type);
                }

                ParseTrackRun(child, defaults, sampleCount == 0, ref sampleCount, ref duration, ref dataSize, ref firstIsSync, ref syncCount);
            }
        }

        if (!haveHeader)
        {
            throw new Mp4FormatException($"'traf' at offset {traf.Offset} has no 'tfhd'.", traf.Offset, Mp4BoxType.Tfhd);
        }

        return new Mp4TrackFragment(trackId, decodeTime, hasDecodeTime, sampleCount, duration, dataSize, firstIsSync, syncCount);
    }

    private static void ParseTrackRun(
        Mp4Box trun,
        Mp4TrackDefaults defaults,
        bool isFirstRun,
        ref int sampleCount,
        ref ulong duration,
        ref ulong dataSize,
        ref bool firstIsSync,
        ref int syncCount)
    {
        var r = new Mp4FieldReader(trun.Payload, trun.PayloadOffset, trun.Type);
        var (_, flags) = r.ReadFullBoxHeader();
        var count = r.ReadUInt32("sample_count");
        if ((flags & 0x000001) != 0)
        {
            r.ReadInt32("data_offset");
        }

        var hasFirstFlags = (flags & 0x000004) != 0;
        var firstFlags = hasFirstFlags ? r.ReadUInt32("first_sample_flags") : 0;
        var hasDuration = (flags & 0x000100) != 0;
        var hasSize = (flags & 0x000200) != 0;
        var hasFlags = (flags & 0x000400) != 0;
        var hasCto = (flags & 0x000800) != 0;
        var perSample = (hasDuration ? 4 : 0) + (hasSize ? 4 : 0) + (hasFlags ? 4 : 0) + (hasCto ? 4 : 0);
        if ((ulong)count * (ulong)perSample > (ulong)r.Remaining)
        {
            throw new Mp4FormatException(
                $"'trun' at offset {trun.Offset} declares {count} samples of {perSample} bytes but only {r.Remaining} bytes remain.",
                trun.Offset,
                trun.Type);
        }

        if (count > int.MaxValue - sampleCount)
        {
            throw new Mp4FormatException($"'trun' at offset {trun.Offset} declares {count} samples, too many for one fragment.", trun.Offset, trun.Type);
        }

        for (var i = 0u; i < count; i++)
        {
            duration += hasDuration ? r.ReadUInt32("sample_duration") : defaults.SampleDuration;
            dataSize += hasSize ? r.ReadUInt32("sample_size") : defaults.SampleSize;
            uint sampleFlags;
            if (hasFlags)
            {
                sampleFlags = r.ReadUInt32("sample_flags");
                if (i == 0 && hasFirstFlags)
                {
                    sampleFlags = firstFlags;
                }
            }
            else
            {
                sampleFlags = i == 0 && hasFirstFlags ? firstFlags : defaults.SampleFlags;
            }

            if (hasCto)
            {
                r.ReadUInt32("sample_composition_time_offset");
            }

            var sync = (sampleFlags & NonSyncSampleFlag) == 0;
            if (sync)
            {
                syncCount++;
            }

            if (i == 0 && isFirstRun)
            {
                firstIsSync = sync;
            }
        }

        sampleCount += (int)count;
    }
}
