namespace Spectra.Media.Restream;

/// <summary>A snapshot of one destination's push.</summary>
/// <param name="DestinationId">The destination's id.</param>
/// <param name="State">Connecting, live, retrying, failed or stopped.</param>
/// <param name="LastError">Why the latest attempt failed or the connection broke; null before any failure. Never holds the key.</param>
/// <param name="BytesSent">Bytes sent to the destination over every connection of this broadcast.</param>
/// <param name="BitrateKbps">Send rate over the last few seconds, kbit/s; 0 when not live.</param>
/// <param name="DroppedTags">Tags dropped because the destination was too slow (whole groups of pictures).</param>
/// <param name="Reconnects">Connections after the first that reached the publish.</param>
/// <param name="LiveSince">When the current connection started publishing; null when not live.</param>
public sealed record RestreamStatus(
    string DestinationId,
    RestreamState State,
    string? LastError,
    long BytesSent,
    double BitrateKbps,
    long DroppedTags,
    int Reconnects,
    DateTimeOffset? LiveSince);
