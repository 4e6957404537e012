using System.Net;

namespace Spectra.Rtmp;

/// <summary>A client asks to play a live stream.</summary>
/// <param name="App">The RTMP application from <c>connect</c>.</param>
/// <param name="StreamName">The stream to play (for Spectra, the channel name), without query string or app prefix.</param>
/// <param name="TcUrl">The <c>tcUrl</c> the client sent in <c>connect</c>, if any.</param>
/// <param name="RemoteEndPoint">The player's address.</param>
/// <param name="ConnectionId">Kestrel's connection id; also present in every log line of this connection.</param>
public sealed record RtmpPlayRequest(string App, string StreamName, string? TcUrl, EndPoint? RemoteEndPoint, string ConnectionId);
