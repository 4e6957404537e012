using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.Limits;

namespace Spectra.Server.Chat.Internal.Hubs;

/// <summary>
/// Runs around every chat hub method: rate limits per client address (all methods) and per
/// user and method (per address for anonymous callers), then maps expected refusals to
/// <see cref="HubException"/> messages for the caller. Unexpected failures are logged here
/// and reach the caller as a generic error.
/// </summary>
internal sealed partial class ChatHubFilter(KeyedRateLimiter limiter, IOptions<ChatOptions> options, ILogger<ChatHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        var address = invocationContext.Context.GetHttpContext()?.Connection.RemoteIpAddress ?? IPAddress.None;
        var user = ChatActor.From(invocationContext.Context.User);
        var settings = options.Value;

        if (!limiter.TryAcquire("a:" + address, settings.AddressLimit, out var retryAfter)
            || !limiter.TryAcquire(
                user is null ? $"a:{address}:{method}" : $"u:{user.UserId:N}:{method}",
                settings.MethodLimits.TryGetValue(method, out var rule) ? rule : settings.UserLimit,
                out retryAfter))
        {
            LogRateLimited(logger, method, user?.UserName, address);
            var wait = (long)Math.Ceiling(retryAfter.TotalMilliseconds);
            if (method == nameof(ChatHub.SendMessage))
            {
                return new SendResult(SendResult.Refused, Code: "rateLimited", Reason: $"You are sending too fast; wait {wait} ms.", RetryAfterMs: wait);
            }

            throw new HubException($"Rate limit: too many {method} calls; retry in {wait} ms.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (ChatDeniedException ex)
        {
            LogDenied(logger, method, user?.UserName, ex.Message);
            throw new HubException(ex.Message);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, method, ex);
            throw new HubException($"'{method}' failed on the server; please try again.");
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Hub method {Method} rate-limited for user {User} at {Address}.")]
    private static partial void LogRateLimited(ILogger logger, string method, string? user, IPAddress address);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Hub method {Method} refused for user {User}: {Reason}")]
    private static partial void LogDenied(ILogger logger, string method, string? user, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Hub method {Method} failed.")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
