namespace Spectra.Server.Engagement;

/// <summary>
/// Tells chat which stream session a channel is in, so that reactions, polls, questions and
/// audience figures are stored per session. The default implementation reads the live-video
/// area's StreamSession rows (a session without an end is live); tests may register their own.
/// </summary>
public interface IChatSessionResolver
{
    /// <summary>The live session of <paramref name="channelId"/>, or null when it is not live.</summary>
    ValueTask<Guid?> GetLiveSessionAsync(Guid channelId, CancellationToken cancellationToken);
}
