using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Accounts;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Accounts.Pages;

[Authorize]
internal sealed class SettingsModel(AccountService accounts, PersonalAccessTokenService tokens) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? TokenName { get; set; }

    public string? NewToken { get; private set; }

    public string? StatusMessage { get; private set; }

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    private Guid UserId => User.GetUserId() ?? throw new InvalidOperationException("Signed-in page without a user id.");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.ChangePasswordAsync(UserId, CurrentPassword, NewPassword, cancellationToken);
        CurrentPassword = NewPassword = null;
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The security stamp changed: re-issue this browser's cookie so only other sessions are signed out.
        await HttpContext.SignInUserAsync(result.Value!);
        StatusMessage = "Password changed. Other signed-in browsers were signed out.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken cancellationToken)
    {
        var result = await tokens.CreateAsync(UserId, TokenName, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
        }
        else
        {
            NewToken = result.Value;
            TokenName = null;
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        StatusMessage = await tokens.RevokeAsync(UserId, tokenId, cancellationToken) ? "Token revoked." : "Token not found.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private void AddErrors(Dictionary<string, string[]> errors)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddErrors(errors);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Tokens = await tokens.ListAsync(UserId, cancellationToken);
}
