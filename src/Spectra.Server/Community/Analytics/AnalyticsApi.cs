using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Data;

namespace Spectra.Server.Community.Analytics;

/// <summary>/api/v1 creator analytics of the caller's channel.</summary>
internal static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/analytics").WithTags("Analytics").RequireAuthorization("api");
        group.MapGet("/", PeriodAsync).WithSummary("Totals and daily series over the last 7 or 30 days.");
        group.MapGet("/broadcasts", BroadcastsAsync).WithSummary("Figures per broadcast, newest first.");
        group.MapGet("/broadcasts/{id:guid}", BroadcastAsync).WithSummary("Figures of one broadcast with its viewers chart.");
        return api;
    }

    public static async Task<Results<Ok<PeriodAnalytics>, ProblemHttpResult>> PeriodAsync(ClaimsPrincipal user, SpectraDbContext db, CreatorAnalyticsService analytics, CancellationToken ct, int days = 7)
    {
        var channel = await ChannelRef.FindByOwnerAsync(db, CommunityUser.RequiredId(user), ct);
        return channel is null ? CommunityProblems.NotFound("You have no channel.") : TypedResults.Ok(await analytics.PeriodAsync(channel.ChannelId, days, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<BroadcastSummary>>, ProblemHttpResult>> BroadcastsAsync(ClaimsPrincipal user, SpectraDbContext db, CreatorAnalyticsService analytics, CancellationToken ct, int take = 20)
    {
        var channel = await ChannelRef.FindByOwnerAsync(db, CommunityUser.RequiredId(user), ct);
        return channel is null ? CommunityProblems.NotFound("You have no channel.") : TypedResults.Ok(await analytics.BroadcastsAsync(channel.ChannelId, take, withCharts: false, ct));
    }

    public static async Task<Results<Ok<BroadcastSummary>, ProblemHttpResult>> BroadcastAsync(Guid id, ClaimsPrincipal user, SpectraDbContext db, CreatorAnalyticsService analytics, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByOwnerAsync(db, CommunityUser.RequiredId(user), ct);
        var summary = channel is null ? null : await analytics.BroadcastAsync(channel.ChannelId, id, ct);
        return summary is null ? CommunityProblems.NotFound("No such broadcast.") : TypedResults.Ok(summary);
    }
}
