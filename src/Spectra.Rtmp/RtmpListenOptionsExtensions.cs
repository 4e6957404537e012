using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Spectra.Rtmp;

/// <summary>Makes a Kestrel endpoint speak RTMP: <c>kestrel.ListenAnyIP(1935, l => l.UseRtmp())</c>.</summary>
public static class RtmpListenOptionsExtensions
{
    /// <summary>Serves RTMP on this endpoint with the <see cref="RtmpConnectionHandler"/> registered by <see cref="RtmpServiceCollectionExtensions.AddSpectraRtmp"/>.</summary>
    public static ListenOptions UseRtmp(this ListenOptions listenOptions)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        listenOptions.UseConnectionHandler<RtmpConnectionHandler>();
        return listenOptions;
    }
}
