namespace Spectra.Server.Community;

/// <summary>A channel that is live now, since <see cref="Since"/> (UTC).</summary>
/// <param name="Viewers">Concurrent viewers now.</param>
/// <param name="PeakViewers">Most concurrent viewers since the session went live (every change counted, not samples).</param>
internal sealed record LiveChannel(Guid ChannelId, Guid? StreamSessionId, DateTime Since, int Viewers, int PeakViewers);
