using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Chat.Pages;

/// <summary>The chat of a channel alone, for a separate window.</summary>
internal sealed class PopoutModel : PageModel
{
    public string ChannelName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string username)
    {
        var chat = HttpContext.RequestServices.GetRequiredService<ChatService>();
        var channel = await chat.FindChannelAsync(username);
        if (channel is null)
        {
            return NotFound();
        }

        ChannelName = channel.ChannelName;
        return Page();
    }
}
