namespace Spectra.Server.Live;

/// <summary>
/// The media plane as the live area drives it: one <see cref="ILiveIngestStream"/> per live channel.
/// Implemented over Spectra.Media's <c>LiveStreamManager</c>; the live area never touches ffmpeg or packaging.
/// </summary>
internal interface ILiveIngest
{
    /// <summary>Starts the media pipeline of <paramref name="channelName"/>; <paramref name="observer"/> hears its milestones.</summary>
    ILiveIngestStream Start(string channelName, ILiveIngestObserver observer);
}
