using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Accounts;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Channels.Pages;

[Authorize]
internal sealed class DashboardModel(ChannelService channels, StreamKeyService keys, AvatarStore avatars, IngestUrls ingest, IOptions<AvatarOptions> avatarOptions) : PageModel
{
    public Channel Channel { get; private set; } = null!;

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    [BindProperty]
    public ChannelInfoInput Input { get; set; } = new();

    public string? StreamKey { get; private set; }

    public string? StatusMessage { get; private set; }

    public string IngestServer => ingest.Server(Request);

    /// <summary>The rtmps:// server, or null when RTMPS is off.</summary>
    public string? SecureIngestServer => ingest.SecureServer(Request);

    public string? AvatarUrl => ApiMapping.AvatarUrl(Channel);

    public int AvatarMaxKiB => avatarOptions.Value.MaxBytes / 1024;

    /// <summary>Only for validation messages; the file itself is read from the form.</summary>
    public string? Avatar { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        FillInput();
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        FillInput();
        StreamKey = keys.Reveal(Channel);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        StreamKey = await keys.RotateAsync(Channel.Id, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        FillInput();
        StatusMessage = "Your stream key was reset. The old key no longer works: update OBS with the new one.";
        return Page();
    }

    public async Task<IActionResult> OnPostInfoAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var update = new ChannelUpdate(Input.Title ?? "", Input.Category ?? "", TagRules.Split(Input.Tags), Input.Description ?? "");
        var result = await channels.UpdateAsync(Channel, update, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, $"{nameof(Input)}.");

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        StatusMessage = "Stream info saved.";
        ModelState.Clear();
        FillInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAvatarAsync(IFormFile? avatar, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        FillInput();
        if (avatar is null)
        {
            ModelState.AddModelError(nameof(Avatar), "Choose an image file.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = avatar.OpenReadStream();
        var result = await avatars.SaveAsync(Channel, stream, avatar.Length, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Avatar), result.Errors.Values.First()[0]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        StatusMessage = "Avatar updated.";
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var channel = userId is null ? null : await channels.FindByOwnerIdAsync(userId.Value, cancellationToken);
        if (channel is null)
        {
            return false;
        }

        Channel = channel;
        Categories = await channels.GetCategoriesAsync(cancellationToken);
        return true;
    }

    private void FillInput() => Input = new ChannelInfoInput
    {
        Title = Channel.Title,
        Category = Channel.Category?.Slug ?? "",
        Tags = string.Join(", ", Channel.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)),
        Description = Channel.Description,
    };
}
