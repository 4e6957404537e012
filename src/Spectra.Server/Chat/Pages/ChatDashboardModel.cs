using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Accounts;
using Spectra.Server.Chat.Internal.State;

namespace Spectra.Server.Chat.Pages;

/// <summary>
/// Shared plumbing of the chat dashboard pages: resolves the channel from the route (default:
/// the signed-in user's own) and checks that the user moderates it (owner, moderator, admin).
/// </summary>
[Authorize]
internal abstract class ChatDashboardModel : PageModel
{
    public string ChannelName { get; private set; } = "";

    public bool IsOwnerOrAdmin { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    internal ChatService Chat => HttpContext.RequestServices.GetRequiredService<ChatService>();

    internal ChatActor Actor { get; private set; } = null!;

    internal ChannelChatState State { get; private set; } = null!;

    /// <summary>Loads the channel; returns a result to send instead when not found or not allowed.</summary>
    protected async Task<IActionResult?> LoadAsync(string? channel)
    {
        Actor = ChatActor.From(User) ?? throw new InvalidOperationException("The dashboard requires a signed-in user.");
        var state = await Chat.FindChannelAsync(channel ?? User.GetUserName());
        if (state is null)
        {
            return NotFound();
        }

        if (!state.CanModerate(Actor))
        {
            return Forbid();
        }

        State = state;
        ChannelName = state.ChannelName;
        IsOwnerOrAdmin = state.IsOwnerOrAdmin(Actor);
        return null;
    }

    /// <summary>Runs a change, turning refusals into the page's status message, then redirects (post/redirect/get).</summary>
    protected async Task<IActionResult> ChangeAsync(string? channel, Func<Task<string>> change)
    {
        if (await LoadAsync(channel) is { } denied)
        {
            return denied;
        }

        try
        {
            StatusMessage = await change();
        }
        catch (ChatDeniedException ex)
        {
            StatusMessage = ex.Message;
        }

        return RedirectToPage(new { channel = ChannelName });
    }
}
