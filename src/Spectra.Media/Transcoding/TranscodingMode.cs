namespace Spectra.Media.Transcoding;

/// <summary>What a live session produces (<see cref="LadderOptions.Mode"/>, configuration <c>Transcoding:Mode</c>).</summary>
public enum TranscodingMode
{
    /// <summary>The source rendition packaged in-process, plus the encoded rungs from one ffmpeg process when the source is tall enough to have any.</summary>
    Ladder = 0,

    /// <summary>Only the source rendition, packaged in-process: no child process at all (and no thumbnails).</summary>
    Passthrough = 1,
}
