namespace Spectra.Testing.Chat;

/// <summary>
/// How the connection ended: a Close message (type 7) with its optional error, or the socket
/// closing without one (<see cref="ReceivedCloseMessage"/> false).
/// </summary>
public sealed record HubCloseMessage(bool ReceivedCloseMessage, string? Error, bool AllowReconnect);
