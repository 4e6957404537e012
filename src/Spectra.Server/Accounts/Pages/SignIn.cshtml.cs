using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Accounts.Pages;

internal sealed class SignInModel(AccountService accounts) : PageModel
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
            Response.StatusCode = outcome.Status is SignInStatus.AddressThrottled or SignInStatus.AccountLocked
                ? StatusCodes.Status429TooManyRequests
                : StatusCodes.Status400BadRequest;
            if (outcome.RetryAfter is { } wait)
            {
                Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Password = null;
            return Page();
        }

        await HttpContext.SignInUserAsync(outcome.User!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
