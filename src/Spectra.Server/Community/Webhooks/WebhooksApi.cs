using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Spectra.Server.Community.Webhooks;

/// <summary>/api/v1 outbound webhooks of the caller's channel and their delivery log.</summary>
internal static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/webhooks").WithTags("Webhooks").RequireAuthorization("api");
        group.MapGet("/", ListAsync).WithSummary("Webhooks of the caller's channel.");
        group.MapPost("/", CreateAsync).WithSummary("Register a webhook; the signing secret is returned only here.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a webhook and its delivery log.");
        group.MapGet("/deliveries", DeliveriesAsync).WithSummary("Latest deliveries (optionally of one webhook).");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<WebhookInfo>>> ListAsync(ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(await webhooks.ListAsync(CommunityUser.RequiredId(user), ct));

    public static async Task<Results<Created<WebhookInfo>, ProblemHttpResult>> CreateAsync(CreateWebhookRequest request, ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct)
    {
        var (result, webhook) = await webhooks.CreateAsync(CommunityUser.RequiredId(user), request.Url, request.Events, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/me/webhooks/{webhook!.Id}", webhook) : CommunityProblems.From(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.DeleteAsync(CommunityUser.RequiredId(user), id, ct);
        return result.Succeeded ? TypedResults.NoContent() : CommunityProblems.From(result);
    }

    public static async Task<Ok<IReadOnlyList<WebhookDeliveryInfo>>> DeliveriesAsync(ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct, Guid? webhookId = null, int take = 50) =>
        TypedResults.Ok(await webhooks.DeliveriesAsync(CommunityUser.RequiredId(user), webhookId, take, ct));

    /// <summary>Events default to all of stream.online, stream.offline and channel.follow.</summary>
    public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);
}
