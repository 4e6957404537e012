namespace Spectra.Server.Community.Internal;

/// <summary>Default <see cref="IChatActivity"/> until the chat area registers its own.</summary>
internal sealed class NoChatActivity : IChatActivity
{
    public Task<int?> CountMessagesAsync(Guid channelId, DateTime from, DateTime to, CancellationToken ct) => Task.FromResult<int?>(null);
}
