using System.Buffers;
using Spectra.Media.Mp4.Internal;

namespace Spectra.Media.Mp4;

/// <summary>
/// Writes a CMAF / fragmented MP4 init segment (ISO/IEC 14496-12) for at most one H.264 and one AAC
/// track, the layout ffmpeg writes with <c>-movflags +empty_moov+default_base_moof</c>:
/// <code>
/// ftyp                                   iso6, compatible iso6 cmfc isom mp41 (§4.3)
/// moov
///  ├─ mvhd                               timescale 1000, duration 0 (§8.2.2)
///  ├─ trak                               video: track 1 (§8.3.1)
///  │   ├─ tkhd                           enabled|in_movie|in_preview, width/height 16.16 (§8.3.2)
///  │   └─ mdia
///  │       ├─ mdhd                       timescale 90000, language "und" (§8.4.2)
///  │       ├─ hdlr                       'vide' (§8.4.3)
///  │       └─ minf
///  │           ├─ vmhd                   (§12.1.2)
///  │           ├─ dinf/dref/'url '       self-contained (§8.7.1)
///  │           └─ stbl
///  │               ├─ stsd/avc1/avcC     the record copied verbatim (14496-15 §5.4.2.1)
///  │               └─ stts stsc stsz stco, all empty (§8.6.1, §8.7.4, §8.7.3, §8.7.5)
///  ├─ trak                               audio: track 2 (track 1 without video)
///  │   └─ ... smhd, stsd/mp4a/esds       esds per 14496-1 §7.2.6.5 around the AudioSpecificConfig
///  └─ mvex/trex per track                (§8.8.3) default flags: video non-sync, audio sync
/// </code>
/// </summary>
internal static class Fmp4InitSegmentWriter
{
    /// <summary>Video media timescale: 90 kHz, so FLV millisecond timestamps convert exactly (× 90).</summary>
    public const uint VideoTimescale = 90_000;

    public const uint MovieTimescale = 1000;

    /// <summary>§8.8.3.1 sample flags: depends_on = 2 (an I picture), sync.</summary>
    public const uint SyncSampleFlags = 0x0200_0000;

    /// <summary>§8.8.3.1 sample flags: depends_on = 1, sample_is_non_sync_sample.</summary>
    public const uint NonSyncSampleFlags = 0x0101_0000;

    private static readonly Mp4BoxType Iso6 = Mp4BoxType.From("iso6");
    private static readonly Mp4BoxType Cmfc = Mp4BoxType.From("cmfc");
    private static readonly Mp4BoxType Isom = Mp4BoxType.From("isom");
    private static readonly Mp4BoxType Mp41 = Mp4BoxType.From("mp41");
    private static readonly Mp4BoxType Vide = Mp4BoxType.From("vide");
    private static readonly Mp4BoxType Soun = Mp4BoxType.From("soun");
    private static readonly Mp4BoxType Vmhd = Mp4BoxType.From("vmhd");
    private static readonly Mp4BoxType Smhd = Mp4BoxType.From("smhd");
    private static readonly Mp4BoxType Dinf = Mp4BoxType.From("dinf");
    private static readonly Mp4BoxType Dref = Mp4BoxType.From("dref");
    private static readonly Mp4BoxType Url = Mp4BoxType.From("url ");
    private static readonly Mp4BoxType Stts = Mp4BoxType.From("stts");
    private static readonly Mp4BoxType Stsc = Mp4BoxType.From("stsc");
    private static readonly Mp4BoxType Stsz = Mp4BoxType.From("stsz");
    private static readonly Mp4BoxType Stco = Mp4BoxType.From("stco");

    /// <summary>Track id of the video track (1), and of the audio track (2, or 1 without video).</summary>
    public static uint VideoTrackId => 1;

    public static uint AudioTrackId(bool hasVideo) => hasVideo ? 2u : 1u;

    /// <summary>Writes ftyp + moov to <paramref name="output"/>.</summary>
    /// <param name="video">The H.264 track, or null for audio only.</param>
    /// <param name="audio">The AAC track, or null for video only.</param>
    /// <returns>Bytes written.</returns>
    public static int Write(IBufferWriter<byte> output, Fmp4VideoTrack? video, Fmp4AudioTrack? audio)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (video is null && audio is null)
        {
            throw new ArgumentException("An init segment needs at least one track.", nameof(video));
        }

        int capacity = 2048 + (video?.AvcDecoderConfiguration.Length ?? 0) + (audio?.AudioSpecificConfig.Length ?? 0);
        var w = new Mp4SpanWriter(output.GetSpan(capacity));

        int ftyp = w.BeginBox(Mp4BoxType.Ftyp);
        w.UInt32(Iso6.Value);
        w.UInt32(0);
        w.UInt32(Iso6.Value);
        w.UInt32(Cmfc.Value);
        w.UInt32(Isom.Value);
        w.UInt32(Mp41.Value);
        w.EndBox(ftyp);

        int moov = w.BeginBox(Mp4BoxType.Moov);
        uint nextTrackId = (video is null ? 1u : 2u) + (audio is null ? 0u : 1u);
        WriteMovieHeader(ref w, nextTrackId);
        if (video is not null)
        {
            WriteVideoTrack(ref w, VideoTrackId, video);
        }

        uint audioTrackId = AudioTrackId(video is not null);
        if (audio is not null)
        {
            WriteAudioTrack(ref w, audioTrackId, audio);
        }

        int mvex = w.BeginBox(Mp4BoxType.Mvex);
        if (video is not null)
        {
            WriteTrackExtends(ref w, VideoTrackId, NonSyncSampleFlags);
        }

        if (audio is not null)
        {
            WriteTrackExtends(ref w, audioTrackId, SyncSampleFlags);
        }

        w.EndBox(mvex);
        w.EndBox(moov);
        output.Advance(w.Position);
        return w.Position;
    }

    private static void WriteMovieHeader(ref Mp4SpanWriter w, uint nextTrackId)
    {
        // §8.2.2.2 version 0: creation/modification time, timescale, duration, rate, volume,
        // reserved(2 + 8), matrix, pre_defined(24), next_track_ID.
        int mvhd = w.BeginFullBox(Mp4BoxType.Mvhd, 0, 0);
        w.UInt32(0);
        w.UInt32(0);
        w.UInt32(MovieTimescale);
        w.UInt32(0);
        w.UInt32(0x0001_0000);
        w.UInt16(0x0100);
        w.Zeros(10);
        w.UnityMatrix();
        w.Zeros(24);
        w.UInt32(nextTrackId);
        w.EndBox(mvhd);
    }

    private static void WriteTrackHeader(ref Mp4SpanWriter w, uint trackId, bool audio, int width, int height)
    {
        // §8.3.2.2 version 0, flags track_enabled|track_in_movie|track_in_preview.
        int tkhd = w.BeginFullBox(Mp4BoxType.Tkhd, 0, 0x000007);
        w.UInt32(0);
        w.UInt32(0);
        w.UInt32(trackId);
        w.UInt32(0);
        w.UInt32(0);
        w.Zeros(8);
        w.UInt16(0);
        w.UInt16(0);
        w.UInt16(audio ? (ushort)0x0100 : (ushort)0);
        w.UInt16(0);
        w.UnityMatrix();
        w.UInt32((uint)width << 16);
        w.UInt32((uint)height << 16);
        w.EndBox(tkhd);
    }

    private static void WriteMediaHeaderAndHandler(ref Mp4SpanWriter w, uint timescale, Mp4BoxType handler, ReadOnlySpan<byte> name)
    {
        // §8.4.2.2 version 0; language "und" as three 5-bit letters (ISO 639-2/T, each − 0x60).
        int mdhd = w.BeginFullBox(Mp4BoxType.Mdhd, 0, 0);
        w.UInt32(0);
        w.UInt32(0);
        w.UInt32(timescale);
        w.UInt32(0);
        w.UInt16(0x55C4);
        w.UInt16(0);
        w.EndBox(mdhd);

        // §8.4.3.2: pre_defined, handler_type, reserved[3], name (null-terminated UTF-8).
        int hdlr = w.BeginFullBox(Mp4BoxType.Hdlr, 0, 0);
        w.UInt32(0);
        w.UInt32(handler.Value);
        w.Zeros(12);
        w.Bytes(name);
        w.UInt8(0);
        w.EndBox(hdlr);
    }

    private static void WriteDataInformation(ref Mp4SpanWriter w)
    {
        // §8.7.2: one 'url ' entry with flags 1 = media data in the same file.
        int dinf = w.BeginBox(Dinf);
        int dref = w.BeginFullBox(Dref, 0, 0);
        w.UInt32(1);
        int url = w.BeginFullBox(Url, 0, 0x000001);
        w.EndBox(url);
        w.EndBox(dref);
        w.EndBox(dinf);
    }

    private static void WriteEmptySampleTables(ref Mp4SpanWriter w)
    {
        int stts = w.BeginFullBox(Stts, 0, 0);
        w.UInt32(0);
        w.EndBox(stts);
        int stsc = w.BeginFullBox(Stsc, 0, 0);
        w.UInt32(0);
        w.EndBox(stsc);
        int stsz = w.BeginFullBox(Stsz, 0, 0);
        w.UInt32(0);
        w.UInt32(0);
        w.EndBox(stsz);
        int stco = w.BeginFullBox(Stco, 0, 0);
        w.UInt32(0);
        w.EndBox(stco);
    }

    private static void WriteVideoTrack(ref Mp4SpanWriter w, uint trackId, Fmp4VideoTrack video)
    {
        int trak = w.BeginBox(Mp4BoxType.Trak);
        WriteTrackHeader(ref w, trackId, audio: false, video.Width, video.Height);
        int mdia = w.BeginBox(Mp4BoxType.Mdia);
        WriteMediaHeaderAndHandler(ref w, VideoTimescale, Vide, "VideoHandler"u8);
        int minf = w.BeginBox(Mp4BoxType.Minf);
        int vmhd = w.BeginFullBox(Vmhd, 0, 0x000001);
        w.Zeros(8); // graphicsmode, opcolor[3]
        w.EndBox(vmhd);
        WriteDataInformation(ref w);
        int stbl = w.BeginBox(Mp4BoxType.Stbl);
        int stsd = w.BeginFullBox(Mp4BoxType.Stsd, 0, 0);
        w.UInt32(1);

        // §12.1.3.2 VisualSampleEntry: reserved(6) data_reference_index(2) pre_defined/reserved(16)
        // width height horizresolution vertresolution (72 dpi, 16.16) reserved(4) frame_count(2)
        // compressorname(32) depth(2) pre_defined(2) = -1.
        int avc1 = w.BeginBox(Mp4BoxType.Avc1);
        w.Zeros(6);
        w.UInt16(1);
        w.Zeros(16);
        w.UInt16((ushort)video.Width);
        w.UInt16((ushort)video.Height);
        w.UInt32(0x0048_0000);
        w.UInt32(0x0048_0000);
        w.UInt32(0);
        w.UInt16(1);
        w.Zeros(32);
        w.UInt16(0x0018);
        w.UInt16(0xFFFF);
        int avcC = w.BeginBox(Mp4BoxType.AvcC);
        w.Bytes(video.AvcDecoderConfiguration.Span);
        w.EndBox(avcC);
        w.EndBox(avc1);
        w.EndBox(stsd);
        WriteEmptySampleTables(ref w);
        w.EndBox(stbl);
        w.EndBox(minf);
        w.EndBox(mdia);
        w.EndBox(trak);
    }

    private static void WriteAudioTrack(ref Mp4SpanWriter w, uint trackId, Fmp4AudioTrack audio)
    {
        int trak = w.BeginBox(Mp4BoxType.Trak);
        WriteTrackHeader(ref w, trackId, audio: true, 0, 0);
        int mdia = w.BeginBox(Mp4BoxType.Mdia);
        WriteMediaHeaderAndHandler(ref w, (uint)audio.SampleRate, Soun, "SoundHandler"u8);
        int minf = w.BeginBox(Mp4BoxType.Minf);
        int smhd = w.BeginFullBox(Smhd, 0, 0);
        w.UInt32(0); // balance, reserved
        w.EndBox(smhd);
        WriteDataInformation(ref w);
        int stbl = w.BeginBox(Mp4BoxType.Stbl);
        int stsd = w.BeginFullBox(Mp4BoxType.Stsd, 0, 0);
        w.UInt32(1);

        // §12.2.3.2 AudioSampleEntry: reserved(6) data_reference_index(2) reserved(8)
        // channelcount(2) samplesize(2) = 16, pre_defined(2) reserved(2), samplerate 16.16
        // (the field holds at most 65535 Hz; the AudioSpecificConfig is authoritative).
        int mp4a = w.BeginBox(Mp4BoxType.Mp4a);
        w.Zeros(6);
        w.UInt16(1);
        w.Zeros(8);
        w.UInt16((ushort)Math.Clamp(audio.Channels, 1, 8));
        w.UInt16(16);
        w.UInt32(0);
        w.UInt32(audio.SampleRate <= ushort.MaxValue ? (uint)audio.SampleRate << 16 : 0);
        WriteEsds(ref w, trackId, audio.AudioSpecificConfig.Span);
        w.EndBox(mp4a);
        w.EndBox(stsd);
        WriteEmptySampleTables(ref w);
        w.EndBox(stbl);
        w.EndBox(minf);
        w.EndBox(mdia);
        w.EndBox(trak);
    }

    /// <summary>
    /// 'esds' (14496-14 §5.6): an ES_Descriptor (14496-1 §7.2.6.5, tag 3) holding a
    /// DecoderConfigDescriptor (tag 4: objectTypeIndication 0x40 = Audio ISO/IEC 14496-3,
    /// streamType 5 = audio, upStream 0, reserved 1) with the DecoderSpecificInfo (tag 5) =
    /// AudioSpecificConfig, and an SLConfigDescriptor (tag 6, predefined 2 = MP4).
    /// Descriptor lengths use the one-byte form (all lengths here are below 128).
    /// </summary>
    private static void WriteEsds(ref Mp4SpanWriter w, uint trackId, ReadOnlySpan<byte> audioSpecificConfig)
    {
        int decoderSpecific = 2 + audioSpecificConfig.Length;
        int decoderConfig = 2 + 13 + decoderSpecific;
        const int SlConfig = 3;
        int esLength = 3 + decoderConfig + SlConfig;
        int esds = w.BeginFullBox(Mp4BoxType.Esds, 0, 0);
        w.UInt8(0x03);
        w.UInt8((byte)esLength);
        w.UInt16((ushort)trackId);
        w.UInt8(0);
        w.UInt8(0x04);
        w.UInt8((byte)(decoderConfig - 2));
        w.UInt8(0x40);
        w.UInt8(0x15);
        w.Zeros(3);  // bufferSizeDB
        w.UInt32(0); // maxBitrate
        w.UInt32(0); // avgBitrate
        w.UInt8(0x05);
        w.UInt8((byte)audioSpecificConfig.Length);
        w.Bytes(audioSpecificConfig);
        w.UInt8(0x06);
        w.UInt8(0x01);
        w.UInt8(0x02);
        w.EndBox(esds);
    }

    private static void WriteTrackExtends(ref Mp4SpanWriter w, uint trackId, uint defaultFlags)
    {
        // §8.8.3.2: track_ID, default_sample_description_index, duration, size, flags.
        int trex = w.BeginFullBox(Mp4BoxType.Trex, 0, 0);
        w.UInt32(trackId);
        w.UInt32(1);
        w.UInt32(0);
        w.UInt32(0);
        w.UInt32(defaultFlags);
        w.EndBox(trex);
    }
}
