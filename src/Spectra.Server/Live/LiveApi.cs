using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;

namespace Spectra.Server.Live;

/// <summary>Live endpoints of the REST API.</summary>
internal static class LiveApi
{
    public const string Offline = "offline";
    public const string Starting = "starting";
    public const string Live = "live";
    public const string Reconnecting = "reconnecting";

    public static RouteGroupBuilder MapLiveApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/channels/{name}/health", GetHealthAsync)
            .RequireAuthorization(AccountsServiceCollectionExtensions.ApiPolicy)
            .WithTags("Channels")
            .WithSummary("Your own channel's live ingest and transcoder health (poll every 2 s while streaming).");
        api.MapGet("/live", ListLiveAsync)
            .WithTags("Live")
            .WithSummary("Channels live now, most recently started first.");
        return api;
    }

    private static async Task<Results<Ok<StreamHealthDto>, ProblemHttpResult>> GetHealthAsync(
        string name, HttpContext http, ChannelService channels, LiveSessionManager sessions, IOptions<LiveOptions> options, CancellationToken ct)
    {
        var channel = await channels.FindByOwnerNameAsync(name, ct);
        if (channel is null)
        {
            return TypedResults.Problem(title: "Channel not found", detail: $"No channel named '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (channel.OwnerId != http.User.GetUserId())
        {
            return TypedResults.Problem(
                title: "Not your channel",
                detail: $"Only the owner of '{channel.Owner.UserName}' can see its stream health.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        http.Response.Headers.CacheControl = "no-store";
        if (!sessions.TryGetStatus(channel.Id, out var status))
        {
            return TypedResults.Ok(new StreamHealthDto(channel.Owner.UserName, Offline, null, null, 0, null, []));
        }

        var state = (status.Publishing, status.Online) switch
        {
            (true, true) => Live,
            (true, false) => Starting,
            (false, _) => Reconnecting,
        };
        var warnings = status.Health is null ? [] : StreamHealthRules.Evaluate(status.Health, options.Value);
        return TypedResults.Ok(new StreamHealthDto(
            channel.Owner.UserName, state, status.Online ? status.SessionId : null, status.OnlineAt, status.Reconnects, status.Health, warnings));
    }

    private static async Task<Ok<List<LiveChannelCard>>> ListLiveAsync(LiveDirectory directory, int? max, CancellationToken ct)
    {
        var cards = await directory.GetLiveChannelsAsync(Math.Clamp(max ?? 50, 1, 200), ct);
        return TypedResults.Ok(cards.ToList());
    }
}
