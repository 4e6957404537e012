using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Accounts.Pages;

/// <summary>
/// Sign-out is a POST (with antiforgery) so that links and images cannot sign people out. It ends the
/// session on the server, so a copy of the cookie stops working too.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Forms)]
internal sealed class SignOutModel(UserSessionService sessions) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(HttpContext, cancellationToken);
        return LocalRedirect("/");
    }
}
