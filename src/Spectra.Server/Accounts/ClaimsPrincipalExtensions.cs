using System.Security.Claims;

namespace Spectra.Server.Accounts;

internal static class ClaimsPrincipalExtensions
{
    public const string AdminRole = "admin";

    /// <summary>The signed-in user's id, or null for anonymous principals.</summary>
    public static Guid? GetUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var value = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(value, out var id) ? id : null;
    }

    /// <summary>The server-side session of a cookie sign-in, or null (anonymous, access token).</summary>
    public static Guid? GetSessionId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var value = principal.FindFirstValue(AccountService.SessionClaim);
        return Guid.TryParse(value, out var id) ? id : null;
    }

    public static string? GetUserName(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.Name) : null;
    }

    public static bool IsAdmin(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.IsInRole(AdminRole);
    }
}
