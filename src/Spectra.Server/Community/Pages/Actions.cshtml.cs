using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Community.Follows;
using Spectra.Server.Community.Notifications;

namespace Spectra.Server.Community.Pages;

/// <summary>Form targets of the channel page buttons (work without script); redirect back on success.</summary>
[Authorize]
internal sealed class ActionsModel(FollowService follows, NotificationService notifications) : PageModel
{
    [BindProperty(SupportsGet = false)]
    public string Channel { get; set; } = string.Empty;

    [BindProperty(SupportsGet = false)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public IActionResult OnGet() => Redirect("/");

    public Task<IActionResult> OnPostFollowAsync() => Run(ct => follows.FollowAsync(UserId, Channel, ct));

    public Task<IActionResult> OnPostUnfollowAsync() => Run(ct => follows.UnfollowAsync(UserId, Channel, ct));

    public Task<IActionResult> OnPostMuteAsync() => Run(ct => notifications.SetMutedAsync(UserId, Channel, true, ct));

    public Task<IActionResult> OnPostUnmuteAsync() => Run(ct => notifications.SetMutedAsync(UserId, Channel, false, ct));

    public Task<IActionResult> OnPostBlockAsync() => Run(ct => follows.BlockAsync(UserId, Channel, ct));

    public Task<IActionResult> OnPostUnblockAsync() => Run(ct => follows.UnblockAsync(UserId, Channel, ct));

    private Guid UserId => CommunityUser.RequiredId(User);

    private async Task<IActionResult> Run(Func<CancellationToken, Task<CommunityResult>> action)
    {
        ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        var result = await action(HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl!);
        }

        Message = result.Message;
        Response.StatusCode = result.Error == CommunityError.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return Page();
    }
}
