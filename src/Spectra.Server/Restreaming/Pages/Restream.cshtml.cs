using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Restreaming.Pages;

/// <summary>Creator page: where broadcasts are pushed besides Spectra, with the live status of each push.</summary>
[Authorize]
internal sealed class RestreamModel(ChannelService channels, RestreamDestinationService destinations) : PageModel
{
    public Channel Channel { get; private set; } = null!;

    public IReadOnlyList<RestreamDestinationDto> Destinations { get; private set; } = [];

    [BindProperty]
    public RestreamInput Input { get; set; } = new();

    public string? StatusMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
        => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var input = new RestreamDestinationInput(Input.Preset, Input.ServerUrl, Input.StreamKey, Input.Name, true);
        var result = await destinations.AddAsync(Channel.Id, input, cancellationToken);
        Input.StreamKey = null;
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, $"{nameof(Input)}.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        ModelState.Clear();
        Input = new RestreamInput();
        StatusMessage = $"Destination '{result.Value!.Name}' added. It is pushed whenever you are live.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var destination = await destinations.SetEnabledAsync(Channel.Id, id, enabled, cancellationToken);
        if (destination is null)
        {
            return NotFound();
        }

        StatusMessage = enabled ? $"'{destination.Name}' is on: it is pushed while you are live." : $"'{destination.Name}' is off: nothing is pushed to it.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!await destinations.RemoveAsync(Channel.Id, id, cancellationToken))
        {
            return NotFound();
        }

        StatusMessage = "Destination removed.";
        await LoadAsync(cancellationToken);
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
        Destinations = await destinations.ListWithStatusAsync(channel.Id, cancellationToken);
        return true;
    }
}

/// <summary>The add-destination form.</summary>
internal sealed class RestreamInput
{
    public string? Preset { get; set; } = "twitch";

    public string? ServerUrl { get; set; }

    public string? StreamKey { get; set; }

    public string? Name { get; set; }
}
