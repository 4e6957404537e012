using Spectra.Rtmp;
using Spectra.Server.Channels;

namespace Spectra.Server.Live;

/// <summary>
/// Decides RTMP publishes: the stream key names the channel (keyed-hash lookup, constant-time compare in
/// <see cref="StreamKeyService"/>); one connected publisher per channel, at most
/// <see cref="LiveOptions.MaxConcurrentStreams"/> on the site. An accepted publisher's session feeds the
/// channel's stream through Spectra.Media's <c>RtmpLiveSource</c>.
/// </summary>
internal sealed partial class LivePublishHandler(
    IServiceScopeFactory scopes,
    LiveSessionManager sessions,
    Microsoft.Extensions.Options.IOptions<LiveOptions> options,
    ILogger<LivePublishHandler> logger)
    : IRtmpPublishHandler
{
    public async ValueTask<RtmpPublishResult> PublishAsync(RtmpPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guid channelId;
        string channelName;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<StreamKeyService>();
            var channel = await keys.FindChannelAsync(request.StreamName, cancellationToken);
            if (channel is null)
            {
                LogUnknownKey(logger, request.ConnectionId, request.RemoteEndPoint?.ToString());
                return RtmpPublishResult.Reject(RtmpPublishRejection.BadName, "unknown stream key");
            }

            channelId = channel.Id;
            channelName = channel.Owner.UserName;
        }

        var (source, atCapacity) = await sessions.TryBeginPublishAsync(channelId, channelName, request.ConnectionId, cancellationToken);
        if (atCapacity)
        {
            return RtmpPublishResult.Reject(
                RtmpPublishRejection.Refused,
                $"this server is at its limit of {options.Value.MaxConcurrentStreams} live streams; try again later");
        }

        return source is null
            ? RtmpPublishResult.Reject(RtmpPublishRejection.AlreadyPublishing, "this channel is already live from another connection")
            : RtmpPublishResult.Accept(source);
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "RTMP connection {ConnectionId} from {RemoteEndPoint}: unknown stream key, publish rejected")]
    private static partial void LogUnknownKey(ILogger logger, string connectionId, string? remoteEndPoint);
}
