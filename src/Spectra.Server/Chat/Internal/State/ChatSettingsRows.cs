using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.Rules;

namespace Spectra.Server.Chat.Internal.State;

/// <summary>Reads and creates the one <see cref="ChatSettings"/> row of a channel.</summary>
internal static class ChatSettingsRows
{
    /// <summary>Returns the channel's settings row, inserting the defaults if there is none yet.</summary>
    public static async Task<ChatSettings> GetOrCreateAsync(SpectraDbContext db, Guid channelId, DateTime nowUtc)
    {
        var settings = await db.ChatSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channelId);
        if (settings is not null)
        {
            return settings;
        }

        settings = new ChatSettings { ChannelId = channelId, UpdatedAt = nowUtc };
        db.ChatSettings.Add(settings);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another request or node created it first; read theirs.
            db.ChangeTracker.Clear();
            return await db.ChatSettings.AsNoTracking().FirstAsync(s => s.ChannelId == channelId);
        }

        db.Entry(settings).State = EntityState.Detached;
        return settings;
    }

    public static ChatRules ToRules(ChatSettings s) =>
        new(s.ChatEnabled, s.SlowModeSeconds, s.FollowersOnlyMinutes, s.EmoteOnly, s.LinksAllowed, Math.Clamp(s.MaxMessageLength, 1, ChatRules.HardMaxMessageLength));

    public static ChatRules ToRules(ChatSettingsDto s) =>
        new(s.ChatEnabled, s.SlowModeSeconds, s.FollowersOnlyMinutes, s.EmoteOnly, s.LinksAllowed, s.MaxMessageLength);
}
