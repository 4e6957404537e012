using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;

namespace Spectra.Server.Restreaming;

internal static class RestreamApi
{
    public static RouteGroupBuilder MapRestreamApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/channels/{name}/restream-destinations").WithTags("Restreaming")
            .RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy);
        group.MapGet("/", ListAsync).WithSummary("Your channel's restream destinations with the status of their push (keys are never returned).");
        group.MapPost("/", AddAsync).WithSummary("Add a destination: a preset (twitch, youtube, kick) or an rtmp:// or rtmps:// server URL, and a stream key.");
        group.MapPatch("/{id:guid}", UpdateAsync).WithSummary("Enable or disable a destination; disabling stops its push at once.");
        group.MapDelete("/{id:guid}", RemoveAsync).WithSummary("Remove a destination; its push stops at once.");
        return api;
    }

    private static async Task<Results<Ok<List<RestreamDestinationDto>>, ProblemHttpResult>> ListAsync(
        string name, HttpContext http, ChannelService channels, RestreamDestinationService destinations, CancellationToken ct)
    {
        var (channel, problem) = await FindOwnAsync(name, http, channels, ct);
        if (channel is null)
        {
            return problem!;
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await destinations.ListWithStatusAsync(channel.Id, ct));
    }

    private static async Task<Results<Created<RestreamDestinationDto>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string name, RestreamDestinationInput input, HttpContext http, ChannelService channels, RestreamDestinationService destinations, CancellationToken ct)
    {
        var (channel, problem) = await FindOwnAsync(name, http, channels, ct);
        if (channel is null)
        {
            return problem!;
        }

        var result = await destinations.AddAsync(channel.Id, input, ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors);
        }

        var dto = RestreamDestinationDto.Create(result.Value!, null);
        return TypedResults.Created($"/api/v1/channels/{name}/restream-destinations/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<RestreamDestinationDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, Guid id, RestreamDestinationPatch patch, HttpContext http, ChannelService channels, RestreamDestinationService destinations, CancellationToken ct)
    {
        var (channel, problem) = await FindOwnAsync(name, http, channels, ct);
        if (channel is null)
        {
            return problem!;
        }

        if (patch.Enabled is not { } enabled)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(patch.Enabled)] = ["Give enabled: true or false."] });
        }

        var destination = await destinations.SetEnabledAsync(channel.Id, id, enabled, ct);
        return destination is null ? DestinationNotFound(id) : TypedResults.Ok(RestreamDestinationDto.Create(destination, null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string name, Guid id, HttpContext http, ChannelService channels, RestreamDestinationService destinations, CancellationToken ct)
    {
        var (channel, problem) = await FindOwnAsync(name, http, channels, ct);
        if (channel is null)
        {
            return problem!;
        }

        return await destinations.RemoveAsync(channel.Id, id, ct) ? TypedResults.NoContent() : DestinationNotFound(id);
    }

    private static async Task<(Channel? Channel, ProblemHttpResult? Problem)> FindOwnAsync(string name, HttpContext http, ChannelService channels, CancellationToken ct)
    {
        var channel = await channels.FindByOwnerNameAsync(name, ct);
        if (channel is null)
        {
            return (null, TypedResults.Problem(title: "Channel not found", detail: $"No channel named '{name}'.", statusCode: StatusCodes.Status404NotFound));
        }

        if (channel.OwnerId != http.User.GetUserId())
        {
            return (null, TypedResults.Problem(title: "Not your channel", detail: $"Only the owner of '{channel.Owner.UserName}' can do this.",
                statusCode: StatusCodes.Status403Forbidden));
        }

        return (channel, null);
    }

    private static ProblemHttpResult DestinationNotFound(Guid id) =>
        TypedResults.Problem(title: "Destination not found", detail: $"Your channel has no restream destination {id}.", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>A change to a destination: only <c>enabled</c> for now.</summary>
internal sealed record RestreamDestinationPatch(bool? Enabled);
