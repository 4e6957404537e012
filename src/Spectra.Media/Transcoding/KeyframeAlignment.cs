namespace Spectra.Media.Transcoding;

/// <summary>How encoded renditions place their keyframes (all encoded renditions always share them).</summary>
public enum KeyframeAlignment
{
    /// <summary>A keyframe every <see cref="LadderOptions.GopSeconds"/> of presentation time (-force_key_frames expr:...).</summary>
    FixedInterval,

    /// <summary>A keyframe wherever the source has one (-force_key_frames source): aligned with the passthrough rendition too.</summary>
    Source,
}
