using Spectra.Rtmp;

namespace Spectra.Media.Restream;

/// <summary>One place a live stream is pushed to.</summary>
/// <param name="Id">The control plane's id of the destination, stable across broadcasts.</param>
/// <param name="Name">A label for logs and the dashboard (Twitch, YouTube...); never the key.</param>
/// <param name="Target">Server URL and stream key.</param>
public sealed record RestreamDestination(string Id, string Name, RtmpPublishTarget Target);
