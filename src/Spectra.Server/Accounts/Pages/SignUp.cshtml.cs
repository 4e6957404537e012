using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Accounts.Pages;

internal sealed class SignUpModel(AccountService accounts, UserSessionService sessions) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.CreateUserAsync(UserName, Password, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await sessions.SignInAsync(HttpContext, result.Value!, cancellationToken);
        return LocalRedirect("/dashboard");
    }
}
