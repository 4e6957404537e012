using Spectra.Server.Chat;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;

namespace Spectra.IntegrationTests.Chat;

/// <summary>Stands in for the live-video area's resolver: every channel is live in one session.</summary>
internal sealed class FixedSessionResolver(Guid sessionId) : IChatSessionResolver
{
    public ValueTask<Guid?> GetLiveSessionAsync(Guid channelId, CancellationToken cancellationToken) => ValueTask.FromResult<Guid?>(sessionId);
}
