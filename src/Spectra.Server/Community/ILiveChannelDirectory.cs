namespace Spectra.Server.Community;

/// <summary>
/// Which channels are live and how many watch them. Community reads live state only through this
/// interface; the live-video area implements it (<see cref="Live.Internal.LiveChannelTracker"/>: live set
/// from StreamOnline/StreamOffline, viewers from chat presence).
/// </summary>
internal interface ILiveChannelDirectory
{
    /// <summary>Snapshot of all live channels (unordered).</summary>
    IReadOnlyCollection<LiveChannel> GetLiveChannels();

    bool TryGet(Guid channelId, out LiveChannel live);
}
