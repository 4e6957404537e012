using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Accounts.Pages;

[EnableRateLimiting(RateLimitPolicies.Forms)]
internal sealed class SignInModel(AccountService accounts, UserSessionService sessions) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.SignInAsync(UserName, Password, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (outcome.Status != SignInStatus.Succeeded)
        {
            ModelState.AddModelError("", outcome.Message);
            Response.StatusCode = outcome.Status switch
            {
                SignInStatus.AddressThrottled or SignInStatus.AccountLocked => StatusCodes.Status429TooManyRequests,
                SignInStatus.PendingApproval => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            if (outcome.RetryAfter is { } wait)
            {
                Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Password = null;
            return Page();
        }

        await sessions.SignInAsync(HttpContext, outcome.User!, cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
