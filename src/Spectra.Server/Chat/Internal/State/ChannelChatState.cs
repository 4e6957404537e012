using System.Collections.Frozen;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.Rules;
using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Chat.Internal.State;

/// <summary>
/// An immutable snapshot of one channel's chat configuration, cached per node and replaced
/// when it changes (<see cref="ChatStateStore.Invalidate"/>).
/// </summary>
internal sealed class ChannelChatState
{
    public required Guid ChannelId { get; init; }

    public required Guid OwnerId { get; init; }

    /// <summary>The channel's public name (its owner's user name).</summary>
    public required string ChannelName { get; init; }

    public required ChatRules Rules { get; init; }

    public required BlockedTermSet Terms { get; init; }

    public required FrozenSet<Guid> Moderators { get; init; }

    /// <summary>Bans and time-outs in force when the snapshot was taken, by user id.</summary>
    public required FrozenDictionary<Guid, ChatBan> Bans { get; init; }

    public ChatSettingsDto Settings => new(Rules.ChatEnabled, Rules.SlowModeSeconds, Rules.FollowersOnlyMinutes, Rules.EmoteOnly, Rules.LinksAllowed, Rules.MaxMessageLength);

    public ChatBadges BadgesOf(ChatActor? actor)
    {
        if (actor is null)
        {
            return ChatBadges.None;
        }

        var badges = ChatBadges.None;
        if (actor.UserId == OwnerId)
        {
            badges |= ChatBadges.Owner;
        }

        if (Moderators.Contains(actor.UserId))
        {
            badges |= ChatBadges.Moderator;
        }

        if (actor.IsAdmin)
        {
            badges |= ChatBadges.Admin;
        }

        return badges;
    }

    /// <summary>Owner, moderator or site admin.</summary>
    public bool CanModerate(ChatActor? actor) => BadgesOf(actor) != ChatBadges.None;

    /// <summary>Owner or site admin (appoints moderators, regenerates the overlay URL).</summary>
    public bool IsOwnerOrAdmin(ChatActor? actor) => actor is not null && (actor.UserId == OwnerId || actor.IsAdmin);

    /// <summary>The ban or time-out of <paramref name="userId"/> in force at <paramref name="nowUtc"/>, if any.</summary>
    public ChatBan? PenaltyOf(Guid userId, DateTime nowUtc) =>
        Bans.TryGetValue(userId, out var ban) && (ban.ExpiresAt is null || ban.ExpiresAt > nowUtc) ? ban : null;

    public static string[] BadgeNames(ChatBadges badges)
    {
        if (badges == ChatBadges.None)
        {
            return [];
        }

        var names = new List<string>(3);
        if (badges.HasFlag(ChatBadges.Owner))
        {
            names.Add("owner");
        }

        if (badges.HasFlag(ChatBadges.Moderator))
        {
            names.Add("moderator");
        }

        if (badges.HasFlag(ChatBadges.Admin))
        {
            names.Add("admin");
        }

        return [.. names];
    }
}
