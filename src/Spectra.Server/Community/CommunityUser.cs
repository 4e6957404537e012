using System.Security.Claims;

namespace Spectra.Server.Community;

/// <summary>Reads the signed-in user's id (NameIdentifier claim) without depending on the accounts area.</summary>
internal static class CommunityUser
{
    public static Guid? Id(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid RequiredId(ClaimsPrincipal user) =>
        Id(user) ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");
}
