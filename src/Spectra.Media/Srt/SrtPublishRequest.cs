using System.Net;

namespace Spectra.Media.Srt;

/// <summary>A publisher's SRT connection asking to publish: what the control plane decides on.</summary>
/// <param name="ConnectionId">Spectra's id of the connection ("srt-12"), as logs name it.</param>
/// <param name="StreamKey">The stream key from the stream id; a secret, never to be logged.</param>
/// <param name="RemoteEndPoint">The publisher's address; null when libsrt did not report one.</param>
public sealed record SrtPublishRequest(string ConnectionId, string StreamKey, IPEndPoint? RemoteEndPoint)
{
    /// <summary>Without the key.</summary>
    public override string ToString() => $"SrtPublishRequest({ConnectionId}, {RemoteEndPoint})";
}
