namespace Spectra.Server.Chat;

/// <summary>
/// Tells chat which stream session a channel is in, so that reactions, polls, questions and
/// audience figures are stored per session. The live-video area registers its
/// LiveChannelTracker; without it, StreamSessionChatResolver reads StreamSession rows.
/// </summary>
internal interface IChatSessionResolver
{
    /// <summary>The live session of <paramref name="channelId"/>, or null when it is not live.</summary>
    ValueTask<Guid?> GetLiveSessionAsync(Guid channelId, CancellationToken cancellationToken);
}
