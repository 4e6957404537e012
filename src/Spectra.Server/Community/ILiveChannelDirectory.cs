namespace Spectra.Server.Community;

/// <summary>
/// Which channels are live and how many watch them. Community reads live state only through this
/// interface; the default implementation (<see cref="Internal.Live.LiveChannelRegistry"/>) follows the
/// StreamOnline/StreamOffline events and counts viewers from player heartbeats. A media-plane
/// implementation with exact viewer counts can replace it in DI.
/// </summary>
public interface ILiveChannelDirectory
{
    /// <summary>Snapshot of all live channels (unordered).</summary>
    IReadOnlyCollection<LiveChannel> GetLiveChannels();

    bool TryGet(Guid channelId, out LiveChannel live);
}
