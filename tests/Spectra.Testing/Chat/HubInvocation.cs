using System.Text.Json;

namespace Spectra.Testing.Chat;

/// <summary>An invocation the server sent to this client (a "client method" call).</summary>
public sealed record HubInvocation(string Target, JsonElement[] Arguments, DateTime ReceivedAtUtc);
