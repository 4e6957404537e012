using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Data;

namespace Spectra.Server.Community.Follows;

/// <summary>/api/v1 follows and blocks.</summary>
internal static class FollowsApi
{
    public static RouteGroupBuilder MapFollowsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Follows");
        group.MapPut("/channels/{name}/follow", FollowAsync).RequireAuthorization("api").WithSummary("Follow a channel.");
        group.MapDelete("/channels/{name}/follow", UnfollowAsync).RequireAuthorization("api").WithSummary("Unfollow a channel.");
        group.MapGet("/channels/{name}/followers", FollowersAsync).WithSummary("Followers of a channel, newest first.");
        group.MapGet("/me/following", FollowingAsync).RequireAuthorization("api").WithSummary("Channels the caller follows.");
        group.MapGet("/me/blocks", BlocksAsync).RequireAuthorization("api").WithSummary("Users the caller blocks.");
        group.MapPut("/users/{name}/block", BlockAsync).RequireAuthorization("api").WithSummary("Block a user (also removes follows both ways).");
        group.MapDelete("/users/{name}/block", UnblockAsync).RequireAuthorization("api").WithSummary("Unblock a user.");
        return api;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> FollowAsync(string name, ClaimsPrincipal user, FollowService follows, CancellationToken ct)
    {
        var result = await follows.FollowAsync(CommunityUser.RequiredId(user), name, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAsync(string name, ClaimsPrincipal user, FollowService follows, CancellationToken ct)
    {
        var result = await follows.UnfollowAsync(CommunityUser.RequiredId(user), name, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    public static async Task<Results<Ok<FollowList>, ProblemHttpResult>> FollowersAsync(
        string name, SpectraDbContext db, FollowService follows, CancellationToken ct, int skip = 0, int take = 50)
    {
        var channel = await ChannelRef.FindByNameAsync(db, name, ct);
        if (channel is null)
        {
            return CommunityProblems.NotFound("No such channel.");
        }

        return TypedResults.Ok(new FollowList(await follows.CountFollowersAsync(channel.ChannelId, ct), await follows.FollowersAsync(channel.ChannelId, skip, take, ct)));
    }

    public static async Task<Ok<IReadOnlyList<FollowEntry>>> FollowingAsync(ClaimsPrincipal user, FollowService follows, CancellationToken ct, int skip = 0, int take = 100) =>
        TypedResults.Ok(await follows.FollowingAsync(CommunityUser.RequiredId(user), skip, take, ct));

    public static async Task<Ok<IReadOnlyList<string>>> BlocksAsync(ClaimsPrincipal user, FollowService follows, CancellationToken ct) =>
        TypedResults.Ok(await follows.BlockedUserNamesAsync(CommunityUser.RequiredId(user), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> BlockAsync(string name, ClaimsPrincipal user, FollowService follows, CancellationToken ct)
    {
        var result = await follows.BlockAsync(CommunityUser.RequiredId(user), name, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnblockAsync(string name, ClaimsPrincipal user, FollowService follows, CancellationToken ct)
    {
        var result = await follows.UnblockAsync(CommunityUser.RequiredId(user), name, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    /// <summary>Total followers and one page of them.</summary>
    public sealed record FollowList(int Total, IReadOnlyList<FollowEntry> Followers);
}
