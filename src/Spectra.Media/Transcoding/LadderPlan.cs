namespace Spectra.Media.Transcoding;

/// <summary>The transcoder's outputs for one live session, highest first.</summary>
/// <param name="IncludesAudio">Renditions carry the publisher's audio (AAC copied or re-encoded).</param>
/// <param name="FrameRate">Source frame rate used for -g (30 when unknown).</param>
internal sealed record LadderPlan(
    IReadOnlyList<PlannedRendition> Renditions,
    bool IncludesAudio,
    double FrameRate,
    LadderWarnings Warnings)
{
    /// <summary>False for an audio-only plan: one "audio" rendition, no video outputs, no thumbnails.</summary>
    public bool IncludesVideo { get; init; } = true;

    /// <summary>False when nothing can be produced (unsupported video codec, or no supported track at all).</summary>
    public bool CanTranscode => Renditions.Count > 0;

    /// <summary>Number of renditions that need the decoded source (all but the passthrough).</summary>
    public int EncodedCount
    {
        get
        {
            int count = 0;
            foreach (var rendition in Renditions)
            {
                count += rendition.IsPassthrough ? 0 : 1;
            }

            return count;
        }
    }
}
