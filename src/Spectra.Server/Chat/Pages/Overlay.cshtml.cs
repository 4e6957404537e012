using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Chat.Pages;

/// <summary>
/// OBS browser-source overlay: recent chat, reaction bursts and the running poll on a
/// transparent page, at a secret per-channel address (unknown or old tokens are 404).
/// </summary>
internal sealed class OverlayModel : PageModel
{
    public string ChannelName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var overlays = HttpContext.RequestServices.GetRequiredService<OverlayService>();
        var channel = await overlays.FindChannelAsync(token);
        if (channel is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        ChannelName = channel;
        return Page();
    }
}
