using System.Security.Claims;

namespace Spectra.Server.Chat;

/// <summary>The signed-in user acting in chat (from the connection's or request's claims).</summary>
internal sealed record ChatActor(Guid UserId, string UserName, bool IsAdmin)
{
    /// <summary>Reads the actor from claims (NameIdentifier = user id, Name = user name, role "admin"); null when anonymous.</summary>
    public static ChatActor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        return new ChatActor(id, user.FindFirstValue(ClaimTypes.Name) ?? "", user.IsInRole("admin"));
    }
}
