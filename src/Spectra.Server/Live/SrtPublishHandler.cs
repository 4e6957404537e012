using Spectra.Media.Live;
using Spectra.Media.Srt;
using Spectra.Server.Channels;

namespace Spectra.Server.Live;

/// <summary>
/// Decides SRT publishes the way <see cref="LivePublishHandler"/> decides RTMP ones: the stream key from the SRT stream
/// id names the channel (checked during the handshake, so a wrong key never connects); once connected, the same
/// one-publisher-per-channel and site-wide stream limits apply, and the connection feeds the channel's stream through
/// an <see cref="SrtLiveSource"/>.
/// </summary>
internal sealed partial class SrtPublishHandler(
    IServiceScopeFactory scopes,
    LiveSessionManager sessions,
    Microsoft.Extensions.Options.IOptions<LiveOptions> options,
    ILogger<SrtPublishHandler> logger)
    : ISrtPublishHandler
{
    public async ValueTask<SrtPublishAuthorization> AuthorizeAsync(SrtPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var scope = scopes.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<StreamKeyService>();
        var channel = await keys.FindChannelAsync(request.StreamKey, cancellationToken);
        if (channel is null)
        {
            LogUnknownKey(logger, request.ConnectionId, request.RemoteEndPoint?.ToString());
            return SrtPublishAuthorization.Reject(SrtRejection.Unauthorized, "unknown stream key");
        }

        return SrtPublishAuthorization.Accept(new Target(channel.Id, channel.Owner.UserName));
    }

    public async ValueTask<SrtPublishResult> PublishAsync(SrtPublishRequest request, SrtPublishAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(authorization);
        if (authorization.State is not Target target)
        {
            return SrtPublishResult.Reject("the connection was not authorized");
        }

        var (source, atCapacity) = await sessions.TryBeginPublishAsync(
            target.ChannelId, target.ChannelName, request.ConnectionId, static (stream, id) => new SrtLiveSource(stream, id), cancellationToken);
        if (atCapacity)
        {
            return SrtPublishResult.Reject($"this server is at its limit of {options.Value.MaxConcurrentStreams} live streams; try again later");
        }

        return source is null
            ? SrtPublishResult.Reject("this channel is already live from another connection")
            : SrtPublishResult.Accept(source);
    }

    [LoggerMessage(EventId = 3040, Level = LogLevel.Warning, Message = "SRT connection {ConnectionId} from {RemoteEndPoint}: unknown stream key, publish rejected")]
    private static partial void LogUnknownKey(ILogger logger, string connectionId, string? remoteEndPoint);

    private sealed record Target(Guid ChannelId, string ChannelName);
}
