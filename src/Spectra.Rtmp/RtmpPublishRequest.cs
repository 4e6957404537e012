using System.Net;

namespace Spectra.Rtmp;

/// <summary>A client asks to publish a live stream.</summary>
/// <param name="App">The RTMP application from <c>connect</c> (for <c>rtmp://host/live/KEY</c>: <c>live</c>).</param>
/// <param name="StreamName">The stream key: the <c>publish</c> name without query string, or the key found in the app or tcUrl path.</param>
/// <param name="TcUrl">The <c>tcUrl</c> the client sent in <c>connect</c>, if any.</param>
/// <param name="RemoteEndPoint">The publisher's address.</param>
/// <param name="ConnectionId">Kestrel's connection id; also present in every log line of this connection.</param>
public sealed record RtmpPublishRequest(string App, string StreamName, string? TcUrl, EndPoint? RemoteEndPoint, string ConnectionId);
