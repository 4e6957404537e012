using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Internal.Session;

namespace Spectra.Rtmp;

/// <summary>
/// Kestrel connection handler that speaks RTMP (publish, and play when an <see cref="IRtmpPlayHandler"/> is registered) on the endpoints configured with
/// <see cref="RtmpListenOptionsExtensions.UseRtmp"/>. One independent session per connection: a failing or hostile
/// connection never affects another one.
/// </summary>
public sealed class RtmpConnectionHandler : ConnectionHandler
{
    private readonly IRtmpPublishHandler _publishHandler;
    private readonly IRtmpPlayHandler? _playHandler;
    private readonly RtmpOptions _options;
    private readonly RtmpConnectionRegistry _registry;
    private readonly ILogger _logger;

    internal RtmpConnectionHandler(IRtmpPublishHandler publishHandler, IOptions<RtmpOptions> options, RtmpConnectionRegistry registry, ILogger<RtmpConnectionHandler> logger, IRtmpPlayHandler? playHandler = null)
    {
        _playHandler = playHandler;
        ArgumentNullException.ThrowIfNull(publishHandler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(logger);
        _publishHandler = publishHandler;
        _options = options.Value;
        _registry = registry;
        _logger = logger;
    }

    public override Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new RtmpSession(connection, _options, _publishHandler, _playHandler, _registry, _logger).RunAsync();
    }
}
