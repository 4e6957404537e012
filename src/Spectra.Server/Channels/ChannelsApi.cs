using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Server.Accounts;
using Spectra.Server.Live;

namespace Spectra.Server.Channels;

internal static class ChannelsApi
{
    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/channels").WithTags("Channels");
        group.MapGet("/", ListAsync).WithSummary("Channels, most recently updated first; optional category filter.");
        group.MapGet("/{name}", GetAsync).WithSummary("One channel by its owner's user name.");
        group.MapPatch("/{name}", UpdateAsync).RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy)
            .WithSummary("Update your own channel's title, category, tags or description.");
        group.MapGet("/{name}/stream-key", GetStreamKeyAsync).RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy)
            .WithSummary("Your own channel's stream key and ingest URL.");
        group.MapPost("/{name}/stream-key", RotateStreamKeyAsync).RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy)
            .WithSummary("Rotate your own stream key: the old key stops working at once.");
        return api;
    }

    private static async Task<Results<Ok<List<ChannelDto>>, ProblemHttpResult>> ListAsync(
        ChannelService channels, LiveDirectory live, string? category, int? page, int? pageSize, CancellationToken ct)
    {
        int? categoryId = null;
        if (!string.IsNullOrEmpty(category))
        {
            var found = await channels.FindCategoryAsync(category, ct);
            if (found is null)
            {
                return TypedResults.Problem(title: "Unknown category", detail: $"No category '{category}'.", statusCode: StatusCodes.Status400BadRequest);
            }

            categoryId = found.Id;
        }

        var list = await channels.ListAsync(categoryId, page ?? 1, pageSize ?? 50, ct);
        var sessions = await live.GetCurrentSessionsAsync(list.Select(c => c.Id).ToList(), ct);
        return TypedResults.Ok(list.Select(c => c.ToDto(sessions.GetValueOrDefault(c.Id))).ToList());
    }

    private static async Task<Results<Ok<ChannelDto>, ProblemHttpResult>> GetAsync(string name, ChannelService channels, LiveDirectory live, CancellationToken ct)
    {
        var channel = await channels.FindByOwnerNameAsync(name, ct);
        return channel is null ? NotFound(name) : TypedResults.Ok(channel.ToDto(await live.GetCurrentSessionAsync(channel.Id, ct)));
    }

    private static async Task<Results<Ok<ChannelDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, ChannelPatch patch, HttpContext http, ChannelService channels, LiveDirectory live, CancellationToken ct)
    {
        var (channel, problem) = await FindOwnAsync(name, http, channels, ct);
        if (channel is null)
        {
            return problem!;
        }

        var result = await channels.UpdateAsync(channel, new ChannelUpdate(patch.Title, patch.Category, patch.Tags, patch.Description), ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!.ToDto(await live.GetCurrentSessionAsync(channel.Id, ct)))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Results<Ok<StreamKeyDto>, ProblemHttpResult>> GetStreamKeyAsync(
        string name, HttpContext http, ChannelService channels, StreamKeyService keys, IngestUrls urls, CancellationToken ct)
    {
        // A stream key must not stay in any cache, shared or the browser's own.
        http.Response.Headers.CacheControl = "no-store";
        var (channel, problem) = await FindOwnAsync(name, http, channels, ct);
        if (channel is null)
        {
            return problem!;
        }

        var key = keys.Reveal(channel);
        return TypedResults.Ok(StreamKeyDto.Create(key, urls, http.Request));
    }

    private static async Task<Results<Ok<StreamKeyDto>, ProblemHttpResult>> RotateStreamKeyAsync(
        string name, HttpContext http, ChannelService channels, StreamKeyService keys, IngestUrls urls, CancellationToken ct)
    {
        // A stream key must not stay in any cache, shared or the browser's own.
        http.Response.Headers.CacheControl = "no-store";
        var (channel, problem) = await FindOwnAsync(name, http, channels, ct);
        if (channel is null)
        {
            return problem!;
        }

        var key = await keys.RotateAsync(channel.Id, ct);
        return TypedResults.Ok(StreamKeyDto.Create(key!, urls, http.Request));
    }

    /// <summary>The named channel if the caller owns it; otherwise a 404 or 403 problem.</summary>
    private static async Task<(Spectra.Data.Entities.Channels.Channel? Channel, ProblemHttpResult? Problem)> FindOwnAsync(
        string name, HttpContext http, ChannelService channels, CancellationToken ct)
    {
        var channel = await channels.FindByOwnerNameAsync(name, ct);
        if (channel is null)
        {
            return (null, NotFound(name));
        }

        if (channel.OwnerId != http.User.GetUserId())
        {
            return (null, TypedResults.Problem(
                title: "Not your channel",
                detail: $"Only the owner of '{channel.Owner.UserName}' can do this.",
                statusCode: StatusCodes.Status403Forbidden));
        }

        return (channel, null);
    }

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(title: "Channel not found", detail: $"No channel named '{name}'.", statusCode: StatusCodes.Status404NotFound);
}
