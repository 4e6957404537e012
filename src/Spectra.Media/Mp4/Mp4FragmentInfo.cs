namespace Spectra.Media.Mp4;

/// <summary>What one movie fragment box ('moof', ISO/IEC 14496-12 §8.8.4) says.</summary>
/// <param name="SequenceNumber">From 'mfhd' (§8.8.5); increases per fragment.</param>
/// <param name="Tracks">One entry per 'traf', in box order.</param>
internal sealed record Mp4FragmentInfo(uint SequenceNumber, IReadOnlyList<Mp4TrackFragment> Tracks)
{
    /// <summary>The fragment of one track, or null when the fragment has no samples of it.</summary>
    public Mp4TrackFragment? FindTrack(uint trackId)
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
}
