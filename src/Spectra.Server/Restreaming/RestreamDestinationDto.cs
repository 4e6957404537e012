using Spectra.Media.Restream;

namespace Spectra.Server.Restreaming;

/// <summary>
/// A destination as the API and the dashboard show it: never the key, only its last characters. The status
/// fields describe the current broadcast's push; state is "offline" when the channel is not live or the
/// destination is disabled.
/// </summary>
internal sealed record RestreamDestinationDto(
    Guid Id,
    string Name,
    string ServerUrl,
    string StreamKeyHint,
    bool Enabled,
    string State,
    string? LastError,
    double BitrateKbps,
    long BytesSent,
    long DroppedTags,
    int Reconnects)
{
    public static RestreamDestinationDto Create(Spectra.Data.Entities.Live.RestreamDestination destination, RestreamStatus? status) => new(
        destination.Id,
        destination.Name,
        destination.ServerUrl,
        "••••" + destination.StreamKeyHint,
        destination.Enabled,
        status is null ? "offline" : status.State.ToString().ToLowerInvariant(),
        status?.LastError,
        Math.Round(status?.BitrateKbps ?? 0),
        status?.BytesSent ?? 0,
        status?.DroppedTags ?? 0,
        status?.Reconnects ?? 0);
}
