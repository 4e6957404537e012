namespace Spectra.Media.Srt;

/// <summary>
/// The control plane's decisions on SRT publishers (implemented by the server, like RTMP's publish handler). Two steps:
/// <see cref="AuthorizeAsync"/> runs inside the SRT handshake, so a wrong key is refused before the connection exists;
/// <see cref="PublishAsync"/> runs once it is established and attaches it to the channel's live stream.
/// </summary>
public interface ISrtPublishHandler
{
    /// <summary>
    /// Is the stream key valid? Called on libsrt's receiving thread while the handshake waits, so it must be quick
    /// (a key lookup); it is abandoned, and the caller refused, after <see cref="SrtOptions.SrtDecisionTimeout"/>.
    /// </summary>
    ValueTask<SrtPublishAuthorization> AuthorizeAsync(SrtPublishRequest request, CancellationToken cancellationToken);

    /// <summary>Starts or resumes the channel's broadcast for the established connection; refusing closes it.</summary>
    ValueTask<SrtPublishResult> PublishAsync(SrtPublishRequest request, SrtPublishAuthorization authorization, CancellationToken cancellationToken);
}
