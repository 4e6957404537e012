using Microsoft.AspNetCore.Http.Connections;
using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Chat;

internal static class ChatEndpointRouteBuilderExtensions
{
    /// <summary>Path of the chat hub.</summary>
    public const string HubPath = "/hubs/chat";

    public static IEndpointRouteBuilder MapSpectraChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<ChatHub>(HubPath, o =>
        {
            // WebSockets only: long polling and server-sent events would multiply requests per viewer.
            o.Transports = HttpTransportType.WebSockets;
        }).RequireRateLimiting(RateLimitPolicies.Realtime);
        return endpoints;
    }
}
