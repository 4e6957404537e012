using Spectra.Media.Mp4.Internal;

namespace Spectra.Media.Mp4;

/// <summary>
/// Parses the movie box of an init segment (ISO/IEC 14496-12 §8.2.1) into <see cref="Mp4MovieInfo"/>:
/// <code>
/// moov
///  ├─ mvhd                      timescale (§8.2.2)
///  ├─ trak                      (§8.3.1), one per track
///  │   ├─ tkhd                  track_ID, width, height (§8.3.2)
///  │   └─ mdia
///  │       ├─ mdhd              media timescale (§8.4.2)
///  │       ├─ hdlr              'vide' | 'soun' (§8.4.3)
///  │       └─ minf/stbl/stsd    sample entries (§8.5.2): avc1+avcC, hvc1+hvcC, mp4a+esds
///  └─ mvex/trex                 fragment defaults (§8.8.3)
/// </code>
/// </summary>
internal static class Mp4InitSegmentParser
{
    private static readonly Mp4BoxType Vide = Mp4BoxType.From("vide");
    private static readonly Mp4BoxType Soun = Mp4BoxType.From("soun");

    /// <summary>Parses an init segment (ftyp, moov, ...) and returns its movie.</summary>
    /// <param name="initSegment">Top-level boxes; must contain exactly one 'moov'.</param>
    /// <param name="offset">Absolute offset of <paramref name="initSegment"/>, for error messages.</param>
    public static Mp4MovieInfo Parse(ReadOnlySpan<byte> initSegment, long offset = 0)
    {
        foreach (var box in Mp4BoxReader.ReadChildren(initSegment, offset, depth: 0))
        {
            if (box.Type == Mp4BoxType.Moov)
            {
                return ParseMovie(box);
            }
        }

        throw new Mp4FormatException($"No 'moov' box at offset {offset}.", offset, null);
    }

    /// <summary>Parses one 'moov' box.</summary>
    public static Mp4MovieInfo ParseMovie(Mp4Box moov)
    {
        if (moov.Type != Mp4BoxType.Moov)
        {
            throw new Mp4FormatException($"Expected 'moov' at offset {moov.Offset}, found '{moov.Type}'.", moov.Offset, moov.Type);
        }

        uint timescale = 0;
        var fragmented = false;
        var tracks = new List<PartialTrack>(2);
        var defaults = new Dictionary<uint, Mp4TrackDefaults>();
        foreach (var child in moov.Children())
        {
            if (child.Type == Mp4BoxType.Mvhd)
            {
                var r = new Mp4FieldReader(child.Payload, child.PayloadOffset, child.Type);
                var (version, _) = r.ReadFullBoxHeader();
                r.ReadUInt32Or64(version == 1, "creation_time");
                r.ReadUInt32Or64(version == 1, "modification_time");
                timescale = r.ReadUInt32("timescale");
            }
            else if (child.Type == Mp4BoxType.Trak)
            {
                tracks.Add(ParseTrack(child));
            }
            else if (child.Type == Mp4BoxType.Mvex)
            {
                fragmented = true;
                foreach (var ext in child.Children())
                {
                    if (ext.Type == Mp4BoxType.Trex)
                    {
                        // §8.8.3.2: track_ID, default_sample_description_index, duration, size, flags.
                        var r = new Mp4FieldReader(ext.Payload, ext.PayloadOffset, ext.Type);
                        r.ReadFullBoxHeader();
                        var trackId = r.ReadUInt32("track_ID");
                        r.ReadUInt32("default_sample_description_index");
                        defaults[trackId] = new Mp4TrackDefaults(
                            r.ReadUInt32("default_sample_duration"),
                            r.ReadUInt32("default_sample_size"),
                            r.ReadUInt32("default_sample_flags"));
                    }
                }
            }
        }

        if (timescale == 0)
        {
            throw new Mp4FormatException($"'moov' at offset {moov.Offset} has no 'mvhd' or a zero timescale.", moov.Offset, Mp4BoxType.Mvhd);
        }

        if (tracks.Count == 0)
        {
            throw new Mp4FormatException($"'moov' at offset {moov.Offset} has no 'trak'.", moov.Offset, Mp4BoxType.Trak);
        }

        var result = new Mp4TrackInfo[tracks.Count];
        for (var i = 0; i < tracks.Count; i++)
        {
            var t = tracks[i];
            defaults.TryGetValue(t.TrackId, out var d);
            result[i] = new Mp4TrackInfo(t.TrackId, t.Kind, t.Timescale, t.SampleEntry, t.Codec, t.Width, t.Height, t.SampleRate, t.Channels, d);
        }

        return new Mp4MovieInfo(timescale, result, fragmented);
    }

    private static PartialTrack ParseTrack(Mp4Box trak)
    {
        var track = new PartialTrack();
        foreach (var child in trak.Children())
        {
            if (child.Type == Mp4BoxType.Tkhd)
            {
                // §8.3.2.2: width and height are 16.16 fixed point at the end of the box.
                var r = new Mp4FieldReader(child.Payload, child.PayloadOffset, child.Type);
                var (version, _) = r.ReadFullBoxHeader();
                r.ReadUInt32Or64(version == 1, "creation_time");
                r.ReadUInt32Or64(version == 1, "modification_time");
                track.TrackId = r.ReadUInt32("track_ID");
                r.ReadUInt32("reserved");
                r.ReadUInt32Or64(version == 1, "duration");
                r.Skip(8 + 2 + 2 + 2 + 2 + 36, "reserved/layer/alternate_group/volume/matrix");
                track.Width = (int)(r.ReadUInt32("width") >> 16);
                track.Height = (int)(r.ReadUInt32("height") >> 16);
            }
            else if (child.Type == Mp4BoxType.Mdia)
            {
                ParseMedia(child, track);
            }
        }

        if (track.TrackId == 0)
        {
            throw new Mp4FormatException($"'trak' at offset {trak.Offset} has no 'tkhd' or a zero track_ID.", trak.Offset, Mp4BoxType.Tkhd);
        }

        if (track.Timescale == 0)
        {
            throw new Mp4FormatException($"'trak' {track.TrackId} at offset {trak.Offset} has no 'mdhd' or a zero timescale.", trak.Offset, Mp4BoxType.Mdhd);
        }

        return track;
    }

    private static void ParseMedia(Mp4Box mdia, PartialTrack track)
    {
        foreach (var child in mdia.Children())
        {
            if (child.Type == Mp4BoxType.Mdhd)
            {
                var r = new Mp4FieldReader(child.Payload, child.PayloadOffset, child.Type);
                var (version, _) = r.ReadFullBoxHeader();
                r.ReadUInt32Or64(version == 1, "creation_time");
                r.ReadUInt32Or64(version == 1, "modification_time");
                track.Timescale = r.ReadUInt32("timescale");
            }
            else if (child.Type == Mp4BoxType.Hdlr)
            {
                var r = new Mp4FieldReader(child.Payload, child.PayloadOffset, child.Type);
                r.ReadFullBoxHeader();
                r.ReadUInt32("pre_defined");
                var handler = new Mp4BoxType(r.ReadUInt32("handler_type"));
                track.Kind = handler == Vide ? Mp4TrackKind.Video : handler == Soun ? Mp4TrackKind.Audio : Mp4TrackKind.Other;
            }
            else if (child.Type == Mp4BoxType.Minf)
            {
                foreach (var info in child.Children())
                {
                    if (info.Type == Mp4BoxType.Stbl)
                    {
                        foreach (var table in info.Children())
                        {
                            if (table.Type == Mp4BoxType.Stsd)
                            {
                                ParseSampleDescription(table, track);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void ParseSampleDescription(Mp4Box stsd, PartialTrack track)
    {
        // §8.5.2.2: FullBox, entry_count, then SampleEntry boxes. The first entry describes the stream.
        var r = new Mp4FieldReader(stsd.Payload, stsd.PayloadOffset, stsd.Type);
        r.ReadFullBoxHeader();
        var count = r.ReadUInt32("entry_count");
        if (count == 0)
        {
            throw new Mp4FormatException($"'stsd' at offset {stsd.Offset} has no sample entry.", stsd.Offset, stsd.Type);
        }

        foreach (var entry in Mp4BoxReader.ReadChildren(r.Rest, r.AbsolutePosition, stsd.Depth + 1))
        {
            track.SampleEntry = entry.Type;
            if (entry.Type == Mp4BoxType.Avc1 || entry.Type == Mp4BoxType.Avc3
                || entry.Type == Mp4BoxType.Hvc1 || entry.Type == Mp4BoxType.Hev1)
            {
                ParseVisualSampleEntry(entry, track);
            }
            else if (entry.Type == Mp4BoxType.Mp4a)
            {
                ParseAudioSampleEntry(entry, track);
            }

            return;
        }
    }

    private static void ParseVisualSampleEntry(Mp4Box entry, PartialTrack track)
    {
        // §12.1.3.2 VisualSampleEntry: 6 reserved + 2 data_reference_index + 16 pre_defined/reserved,
        // width(16) height(16), 4+4 resolution, 4 reserved, 2 frame_count, 32 compressorname,
        // 2 depth, 2 pre_defined = 78 bytes, then child boxes (avcC/hvcC, pasp, btrt...).
        const int VisualSampleEntrySize = 78;
        var r = new Mp4FieldReader(entry.Payload, entry.PayloadOffset, entry.Type);
        r.Skip(24, "reserved/data_reference_index/pre_defined");
        var width = r.ReadUInt16("width");
        var height = r.ReadUInt16("height");
        r.Skip(VisualSampleEntrySize - 28, "resolution/frame_count/compressorname/depth");
        if (track.Width == 0)
        {
            track.Width = width;
            track.Height = height;
        }

        var name = entry.Type.ToString();
        foreach (var child in Mp4BoxReader.ReadChildren(r.Rest, r.AbsolutePosition, entry.Depth + 1))
        {
            if (child.Type == Mp4BoxType.AvcC || child.Type == Mp4BoxType.HvcC)
            {
                track.Codec = DecoderConfigurationCodec(child, name);
            }
        }
    }

    private static void ParseAudioSampleEntry(Mp4Box entry, PartialTrack track)
    {
        // §12.2.3.2 AudioSampleEntry: 6 reserved + 2 data_reference_index + 8 reserved,
        // channelcount(16), samplesize(16), 2 pre_defined, 2 reserved, samplerate (16.16) = 28 bytes.
        var r = new Mp4FieldReader(entry.Payload, entry.PayloadOffset, entry.Type);
        r.Skip(16, "reserved/data_reference_index");
        track.Channels = r.ReadUInt16("channelcount");
        r.Skip(6, "samplesize/pre_defined/reserved");
        track.SampleRate = (int)(r.ReadUInt32("samplerate") >> 16);
        foreach (var child in Mp4BoxReader.ReadChildren(r.Rest, r.AbsolutePosition, entry.Depth + 1))
        {
            if (child.Type == Mp4BoxType.Esds)
            {
                var (codec, _, channels) = Mp4CodecStrings.ParseEsds(child.Payload, child.PayloadOffset);
                track.Codec = codec;
                if (channels > 0)
                {
                    // The sample entry holds the template value 2 (§12.2.3.2); the decoder config is authoritative.
                    track.Channels = channels;
                }
            }
        }
    }

    private static string DecoderConfigurationCodec(Mp4Box box, string sampleEntry)
    {
        try
        {
            return box.Type == Mp4BoxType.AvcC
                ? Mp4CodecStrings.FromAvcDecoderConfiguration(sampleEntry, box.Payload)
                : Mp4CodecStrings.FromHevcDecoderConfiguration(sampleEntry, box.Payload);
        }
        catch (Mp4FormatException ex) when (ex.Offset < 0)
        {
            throw new Mp4FormatException($"'{box.Type}' at offset {box.Offset}: {ex.Message}", box.Offset, box.Type);
        }
    }

    private sealed class PartialTrack
    {
        public uint TrackId { get; set; }

        public Mp4TrackKind Kind { get; set; }

        public uint Timescale { get; set; }

        public Mp4BoxType SampleEntry { get; set; }

        public string? Codec { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }

        public int SampleRate { get; set; }

        public int Channels { get; set; }
    }
}
