using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Data;

namespace Spectra.Server.Community.Schedule;

/// <summary>/api/v1 schedules and iCalendar export.</summary>
internal static class ScheduleApi
{
    public static RouteGroupBuilder MapScheduleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Schedule");
        group.MapGet("/channels/{name}/schedule", ChannelAsync).WithSummary("Upcoming shows of a channel.");
        group.MapGet("/channels/{name}/schedule.ics", ChannelCalendarAsync).WithSummary("Upcoming shows of a channel as iCalendar (RFC 5545).");
        group.MapGet("/schedule", UpcomingAsync).WithSummary("Upcoming shows site-wide.");
        group.MapGet("/me/schedule/following", FollowingAsync).RequireAuthorization("api").WithSummary("Upcoming shows of followed channels.");
        group.MapPost("/me/schedule", CreateAsync).RequireAuthorization("api").WithSummary("Schedule a show on the caller's channel (start must be in the future).");
        group.MapDelete("/me/schedule/{id:guid}", DeleteAsync).RequireAuthorization("api").WithSummary("Remove a scheduled show.");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ScheduledShowInfo>>, ProblemHttpResult>> ChannelAsync(string name, SpectraDbContext db, ScheduleService schedule, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByNameAsync(db, name, ct);
        return channel is null ? CommunityProblems.NotFound("No such channel.") : TypedResults.Ok(await schedule.UpcomingForChannelAsync(channel.ChannelId, ct));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ChannelCalendarAsync(
        string name, HttpRequest request, SpectraDbContext db, ScheduleService schedule, TimeProvider clock, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByNameAsync(db, name, ct);
        if (channel is null)
        {
            return CommunityProblems.NotFound("No such channel.");
        }

        var shows = await schedule.UpcomingForChannelAsync(channel.ChannelId, ct);
        var baseUrl = $"{request.Scheme}://{request.Host}";
        return TypedResults.Text(ScheduleService.ToICalendar(channel.Name, shows, baseUrl, clock.GetUtcNow().UtcDateTime), ICalendarWriter.ContentType);
    }

    public static async Task<Ok<IReadOnlyList<ScheduledShowInfo>>> UpcomingAsync(ScheduleService schedule, CancellationToken ct, int take = 50) =>
        TypedResults.Ok(await schedule.UpcomingAsync(take, ct));

    public static async Task<Ok<IReadOnlyList<ScheduledShowInfo>>> FollowingAsync(ClaimsPrincipal user, ScheduleService schedule, CancellationToken ct, int take = 50) =>
        TypedResults.Ok(await schedule.UpcomingForFollowerAsync(CommunityUser.RequiredId(user), take, ct));

    public static async Task<Results<Created<ScheduledShowInfo>, ProblemHttpResult>> CreateAsync(ScheduleRequest request, ClaimsPrincipal user, ScheduleService schedule, CancellationToken ct)
    {
        var (result, show) = await schedule.CreateAsync(CommunityUser.RequiredId(user), request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/channels/{show!.ChannelName}/schedule", show) : CommunityProblems.From(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal user, ScheduleService schedule, CancellationToken ct)
    {
        var result = await schedule.DeleteAsync(CommunityUser.RequiredId(user), id, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }
}
