namespace Spectra.Media.Live.Internal;

/// <summary>A source over a packet transport that reports link statistics into the stream's health samples.</summary>
internal interface ILiveTransportSource
{
    /// <summary>The current totals; null once the connection is closed.</summary>
    LiveTransportStatistics? ReadTransportStatistics();
}
