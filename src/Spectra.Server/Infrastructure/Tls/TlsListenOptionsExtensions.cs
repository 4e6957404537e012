using System.Net.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Spectra.Server.Infrastructure.Tls;

/// <summary>TLS in front of whatever an endpoint serves (HTTP, or RTMP for RTMPS), with the <see cref="ServerCertificate"/>.</summary>
internal static partial class TlsListenOptionsExtensions
{
    private static readonly object HandshakeCompleted = new();

    /// <summary>
    /// Kestrel's TLS connection middleware presenting <paramref name="certificate"/>'s current certificate,
    /// so a reloaded certificate is used from the next handshake on. A handshake that fails (garbage bytes,
    /// a client that gives up or says nothing for 10 s) closes only that connection and is logged.
    /// </summary>
    public static ListenOptions UseSpectraTls(this ListenOptions listenOptions, ServerCertificate certificate, ILogger logger)
    {
        listenOptions.Use(next => async connection =>
        {
            await next(connection);
            if (!connection.Items.ContainsKey(HandshakeCompleted))
            {
                LogHandshakeFailed(logger, connection.RemoteEndPoint?.ToString() ?? "unknown", connection.LocalEndPoint?.ToString() ?? "unknown");
            }
        });
        listenOptions.UseHttps(new TlsHandshakeCallbackOptions
        {
            HandshakeTimeout = TimeSpan.FromSeconds(10),
            // Kestrel adds the ALPN protocols of the endpoint when ApplicationProtocols is left null.
            OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions { ServerCertificateContext = certificate.Context }),
        });
        listenOptions.Use(next => connection =>
        {
            connection.Items[HandshakeCompleted] = null;
            return next(connection);
        });
        return listenOptions;
    }

    [LoggerMessage(EventId = 1703, Level = LogLevel.Information, Message = "TLS handshake from {Remote} on {Local} failed; connection closed")]
    private static partial void LogHandshakeFailed(ILogger logger, string remote, string local);
}
