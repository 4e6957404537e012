using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Server.Community;

namespace Spectra.Server.Chat.Internal.State;

/// <summary>
/// Chat figures for creator analytics: messages published in a channel (later deletions included, held and
/// rejected messages not, since viewers never saw them) in [from, to).
/// </summary>
internal sealed class ChatActivity(SpectraDbContext db) : IChatActivity
{
    public async Task<int?> CountMessagesAsync(Guid channelId, DateTime from, DateTime to, CancellationToken ct) =>
        await db.ChatMessages.AsNoTracking()
            .CountAsync(m => m.ChannelId == channelId && m.Sequence != null && m.CreatedAt >= from && m.CreatedAt < to, ct);
}
