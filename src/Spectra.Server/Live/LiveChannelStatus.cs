using Spectra.Media.Live;

namespace Spectra.Server.Live;

/// <summary>
/// What this node knows about a channel that has a publisher or is within its grace.
/// </summary>
/// <param name="Publishing">A publisher is connected (false during the grace).</param>
/// <param name="Online">The first segment was ready: viewers can watch.</param>
/// <param name="SessionId">The session the broadcast is recorded as.</param>
/// <param name="OnlineAt">When it went online (UTC); null before.</param>
/// <param name="Reconnects">Publisher reconnects resumed within the grace.</param>
/// <param name="Health">The latest health sample; null before the first one.</param>
internal sealed record LiveChannelStatus(
    Guid ChannelId,
    string ChannelName,
    bool Publishing,
    bool Online,
    Guid SessionId,
    DateTime? OnlineAt,
    int Reconnects,
    StreamHealth? Health);
