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
internal sealed partial class ChatHubFilter(
    KeyedRateLimiter limiter,
    Accounts.AccountConnections accountConnections,
    IOptions<ChatOptions> options,
    ILogger<ChatHubFilter> logger) : IHubFilter
{
    /// <summary>
    /// Methods that use rights beyond chatting (moderation, settings, polls, Q&amp;A management): the
    /// caller's sign-in is checked against the database first, because the connection's claims were
    /// read when it opened and may since have been revoked (by the CLI, another node or a sign-out).
    /// SendMessage counts when the text is a command.
    /// </summary>
    private static readonly TimeSpan StaleCloseDelay = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> PrivilegedMethods =
    [
        nameof(ChatHub.DeleteMessage), nameof(ChatHub.TimeoutUser), nameof(ChatHub.BanUser), nameof(ChatHub.UnbanUser),
        nameof(ChatHub.ReviewHeldMessage), nameof(ChatHub.UpdateSettings), nameof(ChatHub.StartPoll), nameof(ChatHub.EndPoll),
        nameof(ChatHub.MarkQuestion),
    ];

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        var address = invocationContext.Context.GetHttpContext()?.Connection.RemoteIpAddress ?? IPAddress.None;
        var user = ChatActor.From(invocationContext.Context.User);
        var settings = options.Value;

        if (!limiter.TryAcquire("a:" + address, settings.AddressLimit, out var retryAfter)
            || !limiter.TryAcquire(
                user is null ? $"a:{address}:{method}" : $"u:{user.UserId:N}:{method}",
                user is null && method == nameof(ChatHub.JoinChannel) ? settings.AnonymousJoinLimit
                    : settings.MethodLimits.TryGetValue(method, out var rule) ? rule : settings.UserLimit,
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

        if (user is not null && IsPrivileged(invocationContext)
            && !await accountConnections.IsCurrentAsync(invocationContext.Context.User!, invocationContext.Context.ConnectionAborted))
        {
            LogStale(logger, method, user.UserName);
            _ = CloseAfterReplyAsync(invocationContext.Context);
            throw new HubException("Your sign-in has ended (signed out, password or rights changed); sign in again.");
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

    /// <summary>
    /// Closes a connection whose sign-in has ended, shortly after the refusal went out: aborting at once
    /// would drop the reply, and the client would not learn why.
    /// </summary>
    private static async Task CloseAfterReplyAsync(HubCallerContext context)
    {
        await Task.Delay(StaleCloseDelay, CancellationToken.None);
        context.Abort();
    }

    private static bool IsPrivileged(HubInvocationContext context) =>
        PrivilegedMethods.Contains(context.HubMethodName)
        || (context.HubMethodName == nameof(ChatHub.SendMessage) && context.HubMethodArguments is [_, string text, ..] && text.TrimStart().StartsWith('/'));

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Hub method {Method} refused for user {User}: the sign-in is no longer valid; closing the connection.")]
    private static partial void LogStale(ILogger logger, string method, string user);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Hub method {Method} rate-limited for user {User} at {Address}.")]
    private static partial void LogRateLimited(ILogger logger, string method, string? user, IPAddress address);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Hub method {Method} refused for user {User}: {Reason}")]
    private static partial void LogDenied(ILogger logger, string method, string? user, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Hub method {Method} failed.")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
