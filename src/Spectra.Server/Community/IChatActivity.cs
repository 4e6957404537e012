namespace Spectra.Server.Community;

/// <summary>
/// Chat figures for analytics, provided by the chat area. The default implementation knows nothing
/// and returns null ("not available").
/// </summary>
internal interface IChatActivity
{
    /// <summary>Chat messages in a channel between two instants (UTC), or null when unknown.</summary>
    Task<int?> CountMessagesAsync(Guid channelId, DateTime from, DateTime to, CancellationToken ct);
}
