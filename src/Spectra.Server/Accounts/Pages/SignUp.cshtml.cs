using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Spectra.Server.Infrastructure;
using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Accounts.Pages;

[EnableRateLimiting(RateLimitPolicies.Forms)]
internal sealed class SignUpModel(AccountService accounts, UserSessionService sessions, SignUpLimiter limiter, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>An invite code, or the set-up code printed in the server log.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public SignUpPolicy Policy => options.Value.SignUp;

    /// <summary>Set when the account was created but awaits an admin's approval.</summary>
    public bool AwaitingApproval { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress, out var retryAfter))
        {
            ModelState.AddModelError("", "Too many sign-ups from your network; try again later.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (retryAfter is { } wait)
            {
                Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            Password = null;
            return Page();
        }

        var result = await accounts.SignUpAsync(UserName, Password, Code, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Password = null;
            return Page();
        }

        if (result.Value!.PendingApproval)
        {
            AwaitingApproval = true;
            return Page();
        }

        await sessions.SignInAsync(HttpContext, result.Value!, cancellationToken);
        return LocalRedirect("/");
    }
}
