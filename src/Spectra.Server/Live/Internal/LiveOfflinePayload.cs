namespace Spectra.Server.Live.Internal;

/// <summary>JSON of an "offline" server-sent event.</summary>
internal sealed record LiveOfflinePayload(string Channel, Guid? SessionId, DateTime At);
