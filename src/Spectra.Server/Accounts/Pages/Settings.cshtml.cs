using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Spectra.Data.Entities.Accounts;
using Spectra.Server.Infrastructure;
using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Accounts.Pages;

[EnableRateLimiting(RateLimitPolicies.Account)]
[Authorize]
internal sealed class SettingsModel(AccountService accounts, PersonalAccessTokenService tokens, UserSessionService sessions) : PageModel
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

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    /// <summary>This browser's session (marked in the list).</summary>
    public Guid? CurrentSessionId => User.GetSessionId();

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

        // The security stamp changed, which ends every session's cookie: end the sessions too and start a
        // new one for this browser, so only other browsers are signed out.
        await sessions.RevokeAllAsync(UserId, cancellationToken);
        await sessions.SignInAsync(HttpContext, (await accounts.FindByIdAsync(UserId, cancellationToken))!, cancellationToken);
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

    public async Task<IActionResult> OnPostSignOutSessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (sessionId == CurrentSessionId)
        {
            await sessions.SignOutAsync(HttpContext, cancellationToken);
            return LocalRedirect("/");
        }

        StatusMessage = await sessions.RevokeAsync(UserId, sessionId, cancellationToken) ? "That session was signed out." : "Session not found.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Ends every session of the account, this one included, and closes all its open connections.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await sessions.RevokeAllAsync(UserId, cancellationToken);
        await sessions.SignOutAsync(HttpContext, cancellationToken);
        return LocalRedirect("/signin");
    }

    private void AddErrors(Dictionary<string, string[]> errors)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddErrors(errors);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(UserId, cancellationToken);
        Sessions = await sessions.ListAsync(UserId, cancellationToken);
    }
}
