using Spectra.Media.Live;

namespace Spectra.Server.Live;

/// <summary>
/// GET /api/v1/channels/{name}/health. <paramref name="State"/>: "offline" (no publisher), "starting"
/// (publisher connected, first segment not ready), "live", "reconnecting" (publisher gone, grace running).
/// </summary>
internal sealed record StreamHealthDto(
    string Channel,
    string State,
    Guid? SessionId,
    DateTime? Since,
    int Reconnects,
    StreamHealth? Health,
    IReadOnlyList<StreamHealthWarning> Warnings);
