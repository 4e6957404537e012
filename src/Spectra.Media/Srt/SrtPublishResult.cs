using Spectra.Media.Live;

namespace Spectra.Media.Srt;

/// <summary>The answer to <see cref="ISrtPublishHandler.PublishAsync"/>: the source the connection feeds, or why not.</summary>
public sealed class SrtPublishResult
{
    private SrtPublishResult(SrtLiveSource? source, string? reason)
    {
        Source = source;
        Reason = reason;
    }

    public SrtLiveSource? Source { get; }

    public string? Reason { get; }

    public static SrtPublishResult Accept(SrtLiveSource source) => new(source ?? throw new ArgumentNullException(nameof(source)), null);

    public static SrtPublishResult Reject(string reason) => new(null, reason ?? throw new ArgumentNullException(nameof(reason)));
}
