using Spectra.Media.Live;

namespace Spectra.Server.Live.Internal;

/// <summary><see cref="ILiveIngest"/> over Spectra.Media's <see cref="LiveStreamManager"/>.</summary>
internal sealed class MediaLiveIngest(LiveStreamManager streams, TimeProvider time) : ILiveIngest
{
    public ILiveIngestStream Start(string channelName, ILiveIngestObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var stream = streams.Start(channelName);
        return new MediaLiveIngestStream(stream, observer, time);
    }
}
