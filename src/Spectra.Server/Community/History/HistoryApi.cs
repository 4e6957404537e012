using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Spectra.Server.Community.History;

/// <summary>/api/v1 watch heartbeats and the caller's watch history.</summary>
internal static class HistoryApi
{
    /// <summary>Cookie holding an anonymous viewer's random id (counts unique viewers; no personal data).</summary>
    public const string ViewerCookie = "spectra_viewer";

    public static RouteGroupBuilder MapHistoryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("History");
        group.MapPost("/channels/{name}/watch", HeartbeatAsync).WithSummary("Player heartbeat (every 30 s while watching).");
        group.MapGet("/me/history", RecentAsync).RequireAuthorization("api").WithSummary("Recently watched channels.");
        group.MapDelete("/me/history", ClearAsync).RequireAuthorization("api").WithSummary("Delete the whole watch history.");
        group.MapDelete("/me/history/{name}", DeleteAsync).RequireAuthorization("api").WithSummary("Delete one channel from the watch history.");
        return api;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> HeartbeatAsync(string name, HttpContext context, WatchHistoryService history, HeartbeatLimiter limiter, CancellationToken ct)
    {
        var userId = CommunityUser.Id(context.User);
        if (userId is null && !limiter.TryAcquire(context.Connection.RemoteIpAddress))
        {
            context.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(
                detail: "Too many anonymous watch heartbeats from your network; try again in 30 seconds.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests");
        }

        string key;
        if (userId is Guid id)
        {
            key = "u:" + id.ToString("N");
        }
        else
        {
            var cookie = context.Request.Cookies[ViewerCookie];
            if (cookie is null || cookie.Length != 32 || !cookie.All(char.IsAsciiHexDigit))
            {
                cookie = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                context.Response.Cookies.Append(ViewerCookie, cookie, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                });
            }

            key = "a:" + cookie;
        }

        return await history.HeartbeatAsync(name, userId, key, ct)
            ? TypedResults.NoContent()
            : CommunityProblems.NotFound("No such channel.");
    }

    public static async Task<Ok<IReadOnlyList<WatchedChannel>>> RecentAsync(ClaimsPrincipal user, WatchHistoryService history, CancellationToken ct, int take = 30) =>
        TypedResults.Ok(await history.RecentAsync(CommunityUser.RequiredId(user), take, ct));

    public static async Task<NoContent> ClearAsync(ClaimsPrincipal user, WatchHistoryService history, CancellationToken ct)
    {
        await history.DeleteAsync(CommunityUser.RequiredId(user), null, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, ClaimsPrincipal user, WatchHistoryService history, CancellationToken ct) =>
        await history.DeleteAsync(CommunityUser.RequiredId(user), name, ct) > 0
            ? TypedResults.NoContent()
            : CommunityProblems.NotFound("This channel is not in your history.");
}
