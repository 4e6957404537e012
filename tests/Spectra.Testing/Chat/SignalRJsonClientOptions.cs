using System.Net;

namespace Spectra.Testing.Chat;

public sealed class SignalRJsonClientOptions
{
    /// <summary>Cookies sent with the WebSocket upgrade (a signed-in browser's session).</summary>
    public CookieContainer? Cookies { get; init; }

    /// <summary>Extra request headers for the upgrade (for example Authorization or X-Forwarded-For).</summary>
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Interval of client pings; the server closes connections silent for 30 s by default.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Default time limit of <see cref="SignalRJsonClient.InvokeAsync(string, object?[])"/> and waits.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Skip the handshake (for tests of what the server does before one).</summary>
    public bool SkipHandshake { get; init; }
}
