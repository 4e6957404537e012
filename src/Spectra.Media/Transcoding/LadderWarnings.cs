namespace Spectra.Media.Transcoding;

/// <summary>Why a plan is smaller than the configured ladder.</summary>
[Flags]
internal enum LadderWarnings
{
    None = 0,

    /// <summary>The video codec cannot be decoded from FLV by the transcoder (H.265, AV1, VP9, VP6...): nothing is planned.</summary>
    UnsupportedVideoCodec = 1,

    /// <summary>The audio codec is neither AAC nor MP3: renditions carry no audio.</summary>
    UnsupportedAudioCodec = 2,

    /// <summary>Audio only: nothing is planned, or one audio-only rendition with <see cref="LadderOptions.AudioOnlyRendition"/> when the audio is AAC or MP3.</summary>
    NoVideo = 4,

    /// <summary>Video only: renditions carry no audio.</summary>
    NoAudio = 8,
}
