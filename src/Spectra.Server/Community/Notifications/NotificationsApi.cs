using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Server.Community.Webhooks;
using Spectra.Server.Infrastructure;
using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Community.Notifications;

/// <summary>/api/v1 notifications: list, unread count, mark read, per-channel opt-out, live WebSocket.</summary>
internal static class NotificationsApi
{
    private const string LiveRoute = "/me/notifications/live";

    /// <summary>URL of the notifications WebSocket.</summary>
    public const string LivePath = "/api/v1" + LiveRoute;

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Notifications").RequireAuthorization("api");
        group.MapGet("/me/notifications", ListAsync).WithSummary("Latest notifications and the unread count.");
        group.MapGet("/me/notifications/unread-count", UnreadAsync).WithSummary("Unread notifications.");
        group.MapPost("/me/notifications/read", MarkReadAsync).WithSummary("Mark notifications read (all when no ids are given).");
        group.MapPut("/channels/{name}/notifications", EnableAsync).WithSummary("Receive notifications from a followed channel (default).");
        group.MapDelete("/channels/{name}/notifications", DisableAsync).WithSummary("Stop notifications from a followed channel.");
        api.Map(LiveRoute, LiveAsync).RequireAuthorization("api").RequireRateLimiting(RateLimitPolicies.Realtime).WithTags("Notifications")
            .WithSummary("WebSocket: receives {type:\"notification\"} messages as they happen; starts with {type:\"hello\",unread}.");
        return api;
    }

    public static async Task<Ok<NotificationList>> ListAsync(ClaimsPrincipal user, NotificationService notifications, CancellationToken ct, int take = 50)
    {
        var id = CommunityUser.RequiredId(user);
        return TypedResults.Ok(new NotificationList(await notifications.UnreadCountAsync(id, ct), await notifications.ListAsync(id, take, ct)));
    }

    public static async Task<Ok<UnreadCount>> UnreadAsync(ClaimsPrincipal user, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await notifications.UnreadCountAsync(CommunityUser.RequiredId(user), ct)));

    public static async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> MarkReadAsync(ClaimsPrincipal user, NotificationService notifications, MarkReadRequest? request, CancellationToken ct)
    {
        var id = CommunityUser.RequiredId(user);
        var ids = request?.Ids?.Distinct().ToList();
        if (ids is { Count: > NotificationService.MaxMarkReadIds })
        {
            return TypedResults.Problem(
                title: "Too many ids",
                detail: $"Mark at most {NotificationService.MaxMarkReadIds} notifications read at once, or send no ids to mark all read.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        await notifications.MarkReadAsync(id, ids, ct);
        return TypedResults.Ok(new UnreadCount(await notifications.UnreadCountAsync(id, ct)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EnableAsync(string name, ClaimsPrincipal user, NotificationService notifications, CancellationToken ct)
    {
        var result = await notifications.SetMutedAsync(CommunityUser.RequiredId(user), name, muted: false, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(string name, ClaimsPrincipal user, NotificationService notifications, CancellationToken ct)
    {
        var result = await notifications.SetMutedAsync(CommunityUser.RequiredId(user), name, muted: true, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    public static async Task LiveAsync(
        HttpContext context,
        NotificationService notifications,
        NotificationConnections connections,
        Accounts.AccountConnections accountConnections,
        ILogger<NotificationConnections> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { title = "WebSocket required", status = 400, detail = "Connect with a WebSocket client." });
            return;
        }

        if (!SameOrigin.IsAllowed(context.Request))
        {
            CommunityLog.Refused(logger, "notifications socket", CommunityUser.RequiredId(context.User), "Origin of another site.");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { title = "Origin not allowed", status = 403, detail = "Open the notifications socket from this site's pages." });
            return;
        }

        var userId = CommunityUser.RequiredId(context.User);
        var unread = await notifications.UnreadCountAsync(userId, context.RequestAborted);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var hello = JsonSerializer.SerializeToUtf8Bytes(new { type = "hello", unread }, WebhookService.Json);
        // Closed when the sign-in ends (sign-out, password or rights change), like the chat hub.
        using var signedIn = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var registration = accountConnections.Register(context.User, signedIn.Cancel);
        await connections.RunAsync(userId, socket, hello, signedIn.Token);
    }

    public sealed record NotificationList(int Unread, IReadOnlyList<NotificationItem> Items);

    public sealed record UnreadCount(int Unread);

    public sealed record MarkReadRequest(IReadOnlyList<Guid>? Ids);
}
