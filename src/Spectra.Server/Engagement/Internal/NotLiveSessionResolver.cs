namespace Spectra.Server.Engagement.Internal;

/// <summary>Default until the live-video area registers its own: no channel is ever live.</summary>
internal sealed class NotLiveSessionResolver : IChatSessionResolver
{
    public ValueTask<Guid?> GetLiveSessionAsync(Guid channelId, CancellationToken cancellationToken) => ValueTask.FromResult<Guid?>(null);
}
