namespace Spectra.Server.Live;

/// <summary>A health problem: a stable machine-readable <paramref name="Code"/> and a sentence for the creator.</summary>
internal sealed record StreamHealthWarning(string Code, string Message)
{
    public const string KeyframeInterval = "keyframe-interval";
    public const string UnsupportedVideoCodec = "unsupported-video-codec";
    public const string UnsupportedAudioCodec = "unsupported-audio-codec";
    public const string NoVideo = "no-video";
    public const string TranscoderSlow = "transcoder-slow";
    public const string TranscoderRestarted = "transcoder-restarted";
    public const string NoAudio = "no-audio";
    public const string DataDropped = "data-dropped";
    public const string TimestampsOutOfOrder = "timestamps-out-of-order";
}
