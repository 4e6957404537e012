using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Data;

namespace Spectra.Server.Community.Posts;

/// <summary>/api/v1 community posts and the followers' feed.</summary>
internal static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Posts");
        group.MapGet("/channels/{name}/posts", ChannelAsync).WithSummary("Posts of a channel, newest first.");
        group.MapGet("/me/feed", FeedAsync).RequireAuthorization("api").WithSummary("Posts of followed channels, newest first.");
        group.MapPost("/me/posts", CreateAsync).RequireAuthorization("api").WithSummary($"Publish a post (Markdown subset, at most 2000 characters).");
        group.MapDelete("/me/posts/{id:guid}", DeleteAsync).RequireAuthorization("api").WithSummary("Delete a post.");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<PostInfo>>, ProblemHttpResult>> ChannelAsync(string name, SpectraDbContext db, PostService posts, CancellationToken ct, int take = 20)
    {
        var channel = await ChannelRef.FindByNameAsync(db, name, ct);
        return channel is null ? CommunityProblems.NotFound("No such channel.") : TypedResults.Ok(await posts.ForChannelAsync(channel.ChannelId, take, ct));
    }

    public static async Task<Ok<IReadOnlyList<PostInfo>>> FeedAsync(ClaimsPrincipal user, PostService posts, CancellationToken ct, int take = 30) =>
        TypedResults.Ok(await posts.FeedAsync(CommunityUser.RequiredId(user), take, ct));

    public static async Task<Results<Created<PostInfo>, ProblemHttpResult>> CreateAsync(CreatePostRequest request, ClaimsPrincipal user, PostService posts, CancellationToken ct)
    {
        var (result, post) = await posts.CreateAsync(CommunityUser.RequiredId(user), request.Markdown, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/channels/{post!.ChannelName}/posts", post) : CommunityProblems.From(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal user, PostService posts, CancellationToken ct)
    {
        var result = await posts.DeleteAsync(CommunityUser.RequiredId(user), id, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    public sealed record CreatePostRequest(string? Markdown);
}
