using System.Buffers;
using Spectra.Media.Mp4.Internal;

namespace Spectra.Media.Mp4;

/// <summary>
/// Writes one movie fragment (ISO/IEC 14496-12 §8.8) with a 'traf' per non-empty track run and the
/// samples in one 'mdat', as ffmpeg writes with <c>+default_base_moof</c>:
/// <code>
/// moof
///  ├─ mfhd   sequence_number                                              (§8.8.5)
///  └─ traf   per track: video first, then audio                           (§8.8.6)
///      ├─ tfhd   flags 0x020000 default-base-is-moof, track_ID           (§8.8.7)
///      ├─ tfdt   version 1: baseMediaDecodeTime (64 bits)                (§8.8.12)
///      └─ trun   data_offset from the start of 'moof' to the track's data (§8.8.8)
///                video: flags 0x000B05 first_sample_flags, then per sample
///                       duration size composition_time_offset (version 1 when one is negative)
///                audio: flags 0x000301, per sample duration size (flags from 'trex')
/// mdat       video samples, then audio samples
/// </code>
/// </summary>
internal static class Fmp4FragmentWriter
{
    public const uint TfhdDefaultBaseIsMoof = 0x02_0000;
    public const uint TrunDataOffset = 0x00_0001;
    public const uint TrunFirstSampleFlags = 0x00_0004;
    public const uint TrunSampleDuration = 0x00_0100;
    public const uint TrunSampleSize = 0x00_0200;
    public const uint TrunSampleCompositionTimeOffset = 0x00_0800;

    /// <summary>Bytes of the 'moof' and 'mdat' for these runs.</summary>
    public static int Size(in Fmp4TrackRun video, in Fmp4TrackRun audio) =>
        MoofSize(video, audio) + 8 + video.Data.Length + audio.Data.Length;

    /// <summary>Writes moof + mdat to <paramref name="output"/>; an empty run (no samples) gets no 'traf'.</summary>
    /// <returns>Bytes written.</returns>
    public static int Write(IBufferWriter<byte> output, uint sequenceNumber, in Fmp4TrackRun video, in Fmp4TrackRun audio)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (video.Samples.IsEmpty && audio.Samples.IsEmpty)
        {
            throw new ArgumentException("A fragment needs at least one sample.", nameof(video));
        }

        int moofSize = MoofSize(video, audio);
        int total = moofSize + 8 + video.Data.Length + audio.Data.Length;
        var w = new Mp4SpanWriter(output.GetSpan(total));
        int moof = w.BeginBox(Mp4BoxType.Moof);
        int mfhd = w.BeginFullBox(Mp4BoxType.Mfhd, 0, 0);
        w.UInt32(sequenceNumber);
        w.EndBox(mfhd);

        int dataOffset = moofSize + 8;
        if (!video.Samples.IsEmpty)
        {
            WriteTrackFragment(ref w, video, dataOffset);
            dataOffset += video.Data.Length;
        }

        if (!audio.Samples.IsEmpty)
        {
            WriteTrackFragment(ref w, audio, dataOffset);
        }

        w.EndBox(moof);
        int mdat = w.BeginBox(Mp4BoxType.Mdat);
        w.Bytes(video.Data);
        w.Bytes(audio.Data);
        w.EndBox(mdat);
        output.Advance(w.Position);
        return w.Position;
    }

    private static int MoofSize(in Fmp4TrackRun video, in Fmp4TrackRun audio) =>
        8 + 16 + TrafSize(video) + TrafSize(audio);

    private static int TrafSize(in Fmp4TrackRun run)
    {
        if (run.Samples.IsEmpty)
        {
            return 0;
        }

        // traf(8) tfhd(16) tfdt(20) trun(8 + 4 + count + data_offset [+ first_sample_flags]) + samples.
        int trun = run.IsVideo ? 24 + (run.Samples.Length * 12) : 20 + (run.Samples.Length * 8);
        return 8 + 16 + 20 + trun;
    }

    private static void WriteTrackFragment(ref Mp4SpanWriter w, in Fmp4TrackRun run, int dataOffset)
    {
        int traf = w.BeginBox(Mp4BoxType.Traf);
        int tfhd = w.BeginFullBox(Mp4BoxType.Tfhd, 0, TfhdDefaultBaseIsMoof);
        w.UInt32(run.TrackId);
        w.EndBox(tfhd);
        int tfdt = w.BeginFullBox(Mp4BoxType.Tfdt, 1, 0);
        w.UInt64(run.BaseMediaDecodeTime);
        w.EndBox(tfdt);

        var samples = run.Samples;
        if (run.IsVideo)
        {
            // Version 1 makes sample_composition_time_offset signed (§8.8.8.2).
            byte version = 0;
            foreach (var sample in samples)
            {
                if (sample.CompositionOffset < 0)
                {
                    version = 1;
                    break;
                }
            }

            int trun = w.BeginFullBox(Mp4BoxType.Trun, version, TrunDataOffset | TrunFirstSampleFlags | TrunSampleDuration | TrunSampleSize | TrunSampleCompositionTimeOffset);
            w.UInt32((uint)samples.Length);
            w.Int32(dataOffset);
            w.UInt32(samples[0].IsSync ? Fmp4InitSegmentWriter.SyncSampleFlags : Fmp4InitSegmentWriter.NonSyncSampleFlags);
            foreach (var sample in samples)
            {
                w.UInt32(sample.Duration);
                w.UInt32((uint)sample.Size);
                w.Int32(sample.CompositionOffset);
            }

            w.EndBox(trun);
        }
        else
        {
            int trun = w.BeginFullBox(Mp4BoxType.Trun, 0, TrunDataOffset | TrunSampleDuration | TrunSampleSize);
            w.UInt32((uint)samples.Length);
            w.Int32(dataOffset);
            foreach (var sample in samples)
            {
                w.UInt32(sample.Duration);
                w.UInt32((uint)sample.Size);
            }

            w.EndBox(trun);
        }

        w.EndBox(traf);
    }
}
