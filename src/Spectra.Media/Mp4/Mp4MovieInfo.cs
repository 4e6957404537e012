namespace Spectra.Media.Mp4;

/// <summary>What an init segment ('moov', §8.2.1) says about the movie.</summary>
/// <param name="Timescale">Movie timescale from 'mvhd' (§8.2.2), ticks per second.</param>
/// <param name="Tracks">Tracks in file order.</param>
/// <param name="IsFragmented">True when 'mvex' is present (§8.8.1): media follows in fragments.</param>
internal sealed record Mp4MovieInfo(uint Timescale, IReadOnlyList<Mp4TrackInfo> Tracks, bool IsFragmented)
{
    /// <summary>The first video track, if any.</summary>
    public Mp4TrackInfo? Video => Find(Mp4TrackKind.Video);

    /// <summary>The first audio track, if any.</summary>
    public Mp4TrackInfo? Audio => Find(Mp4TrackKind.Audio);

    /// <summary>
    /// Comma-separated codec strings of all tracks (video first) for an HLS CODECS attribute
    /// (RFC 8216 §4.3.4.2), or null when a track's codec is unknown.
    /// </summary>
    public string? Codecs
    {
        get
        {
            var video = Video?.Codec;
            var audio = Audio?.Codec;
            if ((Video is not null && video is null) || (Audio is not null && audio is null))
            {
                return null;
            }

            return (video, audio) switch
            {
                (null, null) => null,
                (not null, null) => video,
                (null, not null) => audio,
                _ => video + "," + audio,
            };
        }
    }

    /// <summary>Finds a track by id.</summary>
    public Mp4TrackInfo? FindTrack(uint trackId)
    {
        foreach (var track in Tracks)
        {
            if (track.TrackId == trackId)
            {
                return track;
            }
        }

        return null;
    }

    private Mp4TrackInfo? Find(Mp4TrackKind kind)
    {
        foreach (var track in Tracks)
        {
            if (track.Kind == kind)
            {
                return track;
            }
        }

        return null;
    }
}
