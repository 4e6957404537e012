using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Chat.Pages;

/// <summary>Chat settings, moderators, blocked terms and the overlay address of a channel.</summary>
internal sealed class ChatSettingsModel : ChatDashboardModel
{
    public ChatSettingsDto Settings { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Moderators { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Term, string Action)> Terms { get; private set; } = [];

    public bool HasOverlay { get; private set; }

    /// <summary>Shown once, right after regenerating.</summary>
    [TempData]
    public string? NewOverlayUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string? channel)
    {
        if (await LoadAsync(channel) is { } denied)
        {
            return denied;
        }

        var db = HttpContext.RequestServices.GetRequiredService<SpectraDbContext>();
        Settings = State.Settings;
        var moderatorIds = State.Moderators.ToList();
        Moderators = [.. (await db.Users.AsNoTracking().Where(u => moderatorIds.Contains(u.Id)).OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName }).ToListAsync())
            .Select(u => (u.Id, u.UserName))];
        Terms = [.. (await db.ChatBlockedTerms.AsNoTracking().Where(t => t.ChannelId == State.ChannelId).OrderBy(t => t.Term).ToListAsync())
            .Select(t => (t.Id, t.Term, ((BlockedTermAction)t.Action).ToString().ToLowerInvariant()))];
        HasOverlay = await HttpContext.RequestServices.GetRequiredService<OverlayService>().HasTokenAsync(State.ChannelId);
        return Page();
    }

    public Task<IActionResult> OnPostSettingsAsync(string? channel, bool chatEnabled, int slowModeSeconds, bool followersOnly, int followersMinutes, bool emoteOnly, bool linksAllowed, int maxMessageLength) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.UpdateSettingsAsync(Actor, State, new ChatSettingsDto(chatEnabled, slowModeSeconds, followersOnly ? followersMinutes : null, emoteOnly, linksAllowed, maxMessageLength));
            return "Chat settings saved.";
        });

    public Task<IActionResult> OnPostAddModeratorAsync(string? channel, string? userName) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.SetModeratorAsync(Actor, State, userName, appoint: true);
            return $"{userName} is now a moderator.";
        });

    public Task<IActionResult> OnPostRemoveModeratorAsync(string? channel, string? userName) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.SetModeratorAsync(Actor, State, userName, appoint: false);
            return $"{userName} is no longer a moderator.";
        });

    public Task<IActionResult> OnPostAddTermAsync(string? channel, string? term, string? action) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.AddBlockedTermAsync(Actor, State, term, action == "hold" ? BlockedTermAction.Hold : BlockedTermAction.Reject);
            return "Blocked term added.";
        });

    public Task<IActionResult> OnPostRemoveTermAsync(string? channel, Guid termId) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.RemoveBlockedTermAsync(Actor, State, termId);
            return "Blocked term removed.";
        });

    public Task<IActionResult> OnPostOverlayAsync(string? channel) =>
        ChangeAsync(channel, async () =>
        {
            var token = await HttpContext.RequestServices.GetRequiredService<OverlayService>().RegenerateAsync(Actor, State);
            NewOverlayUrl = $"{Request.Scheme}://{Request.Host}/overlay/{token}";
            return "New overlay address created; the previous one no longer works.";
        });
}
