using Spectra.Media.Mp4;

namespace Spectra.Media.Packaging;

/// <summary>
/// The CMAF header (ftyp + moov) of one generation: everything ffmpeg wrote before the first
/// fragment. A new generation (ffmpeg restarted) gets a new init segment and a new <see cref="Key"/>.
/// </summary>
internal sealed class CmafInitSegment
{
    internal CmafInitSegment(int generation, long firstSequence, byte[] data, Mp4MovieInfo movie)
    {
        Generation = generation;
        FirstSequence = firstSequence;
        Data = data;
        Movie = movie;
        Codecs = movie.Codecs;
        Key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{firstSequence}-{generation}");
        ETag = "\"i" + Key + "\"";
    }

    /// <summary>1 for the first run of the packager on a window, then +1 per run.</summary>
    public int Generation { get; }

    /// <summary>Media sequence number the generation's first segment gets.</summary>
    public long FirstSequence { get; }

    /// <summary>
    /// Identifies this init segment across windows and generations ("{FirstSequence}-{Generation}");
    /// the origin serves it at init-{Key}.mp4 with an immutable cache policy.
    /// </summary>
    public string Key { get; }

    /// <summary>Strong HTTP entity tag, quoted.</summary>
    public string ETag { get; }

    /// <summary>The ftyp and moov boxes, exactly as received.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    public Mp4MovieInfo Movie { get; }

    /// <summary>RFC 6381 codecs of all tracks ("avc1.64001f,mp4a.40.2"), or null when unknown.</summary>
    public string? Codecs { get; }
}
