namespace Spectra.Server.Events;

/// <summary>
/// A block between two users was added or removed. <paramref name="BlockedEitherWay"/> is the pair's state
/// afterwards (an unblock leaves it true when the other user still blocks the first). Chat nodes follow it so
/// neither user sees the other's messages while it is true.
/// </summary>
internal sealed record UserBlockChanged(Guid UserA, Guid UserB, bool BlockedEitherWay);
