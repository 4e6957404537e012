namespace Spectra.Server.Community;

/// <summary>
/// Receives "this viewer is watching this channel" heartbeats. The default live directory counts
/// distinct viewers seen within the presence window as the channel's concurrent viewers.
/// </summary>
public interface IViewerPresence
{
    void Seen(Guid channelId, string viewerKey, DateTime at);
}
