using System.Text.Json;

namespace Spectra.Testing.Chat;

/// <summary>A client method the server invoked on a <see cref="ChatHubClient"/>, with its arguments as sent.</summary>
public sealed record ReceivedInvocation(string Target, JsonElement[] Arguments, DateTime ReceivedAtUtc);
