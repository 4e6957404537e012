namespace Spectra.Media.Srt;

/// <summary>
/// The answer to <see cref="ISrtPublishHandler.AuthorizeAsync"/>, given during the handshake: accepted (with whatever
/// the handler needs to remember for <see cref="ISrtPublishHandler.PublishAsync"/>) or refused with an SRT reject code.
/// </summary>
public sealed class SrtPublishAuthorization
{
    private SrtPublishAuthorization(object? state, SrtRejection? rejection, string? reason)
    {
        State = state;
        Rejection = rejection;
        Reason = reason;
    }

    public bool Accepted => Rejection is null;

    /// <summary>The handler's own data for the accepted connection (the channel it publishes to).</summary>
    public object? State { get; }

    public SrtRejection? Rejection { get; }

    /// <summary>Why it was refused, for the log (never the key).</summary>
    public string? Reason { get; }

    public static SrtPublishAuthorization Accept(object? state) => new(state, null, null);

    public static SrtPublishAuthorization Reject(SrtRejection rejection, string reason) =>
        new(null, rejection, reason ?? throw new ArgumentNullException(nameof(reason)));
}
