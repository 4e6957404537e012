using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Server.Chat.Internal.State;

namespace Spectra.Server.Chat;

/// <summary>
/// The secret overlay address of a channel (/overlay/{token}) for OBS browser sources. Only the
/// token's SHA-256 is stored: the owner sees the address once, when it is (re)generated, and
/// regenerating it invalidates the old one.
/// </summary>
internal sealed class OverlayService(SpectraDbContext db, ChatService chat, TimeProvider time)
{
    /// <summary>Creates a new token for the channel (owner or site admin) and returns it.</summary>
    public async Task<string> RegenerateAsync(ChatActor actor, ChannelChatState state)
    {
        if (!state.IsOwnerOrAdmin(actor))
        {
            throw new ChatDeniedException("Only the channel owner can create the overlay address.");
        }

        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        await ChatSettingsRows.GetOrCreateAsync(db, state.ChannelId, time.GetUtcNow().UtcDateTime);
        await db.ChatSettings.Where(s => s.ChannelId == state.ChannelId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OverlayTokenHash, Hash(token)));
        chat.AddLog(actor, state, ModerationActions.RegenerateOverlay, null, null, null, null, null);
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>The channel name the token belongs to, or null.</summary>
    public async Task<string?> FindChannelAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var channelId = await db.ChatSettings.AsNoTracking().Where(s => s.OverlayTokenHash == hash).Select(s => (Guid?)s.ChannelId).FirstOrDefaultAsync();
        if (channelId is null)
        {
            return null;
        }

        return await db.Channels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.Owner.UserName).FirstOrDefaultAsync();
    }

    /// <summary>Whether the channel has an overlay address at all.</summary>
    public Task<bool> HasTokenAsync(Guid channelId) =>
        db.ChatSettings.AsNoTracking().AnyAsync(s => s.ChannelId == channelId && s.OverlayTokenHash != null);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
