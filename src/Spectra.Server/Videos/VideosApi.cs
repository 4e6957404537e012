using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Data.Entities.Videos;
using Spectra.Server.Accounts;

namespace Spectra.Server.Videos;

internal static class VideosApi
{
    public static RouteGroupBuilder MapVideosApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels/{name}/videos", ListAsync).WithTags("Videos")
            .WithSummary("A channel's past broadcasts, newest first: public ones, and all of them for the channel's owner.");
        var group = api.MapGroup("/videos").WithTags("Videos");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One past broadcast (private ones only for their owner).");
        group.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy)
            .WithSummary("Rename one of your past broadcasts or change its visibility (public, unlisted, private).");
        group.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy)
            .WithSummary("Delete one of your past broadcasts and its stored media.");
        return api;
    }

    private static async Task<Ok<List<VideoDto>>> ListAsync(string name, int? limit, HttpContext http, VideoService videos, CancellationToken ct) =>
        TypedResults.Ok((await videos.ListForChannelAsync(name, http.User, limit ?? 50, ct)).Select(VideoDto.From).ToList());

    private static async Task<Results<Ok<VideoDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, VideoService videos, CancellationToken ct)
    {
        var video = await videos.GetAsync(id, http.User, ct);
        return video is null ? NotFound() : TypedResults.Ok(VideoDto.From(video));
    }

    private static async Task<Results<Ok<VideoDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, VideoPatch patch, HttpContext http, VideoService videos, CancellationToken ct)
    {
        var errors = patch.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var video = await videos.UpdateAsync(id, http.User, patch.Title, patch.ParsedVisibility, ct);
        return video is null ? NotFound() : TypedResults.Ok(VideoDto.From(video));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, VideoService videos, CancellationToken ct) =>
        await videos.DeleteAsync(id, http.User, ct) ? TypedResults.NoContent() : NotFound();

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "Video not found", detail: "No such video, or not yours to see or change.", statusCode: StatusCodes.Status404NotFound);
}
