using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.Commands;
using Spectra.Server.Chat.Internal.Publishing;
using Spectra.Server.Chat.Internal.Rules;
using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Internal.Text;
using Spectra.Server.Events;

namespace Spectra.Server.Chat;

/// <summary>
/// Chat's application logic, shared by the hub and the dashboard pages: posting, history,
/// settings and moderation. Every method checks the actor's rights itself.
/// </summary>
internal sealed partial class ChatService(
    SpectraDbContext db,
    ChatStateStore states,
    ChatMessageWriter writer,
    IEventBus bus,
    Community.IBlockList blocks,
    Community.IFollowLookup follows,
    IChatSessionResolver sessions,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<ChatService> logger)
{
    private DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public int MaxChannelsPerConnection => options.Value.MaxChannelsPerConnection;

    /// <summary>Whether <paramref name="actor"/> is banned or timed out in the channel right now.</summary>
    public bool IsPenalized(ChatActor actor, ChannelChatState state) => state.PenaltyOf(actor.UserId, UtcNow) is not null;

    public ValueTask<ChannelChatState?> FindChannelAsync(string? channelName) => states.FindAsync(channelName);

    /// <summary>The channel's state, or <see cref="ChatDeniedException"/> when there is no such channel.</summary>
    public async ValueTask<ChannelChatState> GetChannelAsync(string? channelName) =>
        await states.FindAsync(channelName) ?? throw new ChatDeniedException($"There is no channel named '{Truncate(channelName, 64)}'.");

    /// <summary>Posts a message or runs a chat command.</summary>
    public async Task<SendResult> SendAsync(ChatActor actor, ChannelChatState state, string? text)
    {
        if (text is null)
        {
            return Refuse(ChatRefusal.Empty, "The message is empty.");
        }

        if (text.Length > ChatRules.HardMaxMessageLength * 4)
        {
            return Refuse(ChatRefusal.TooLong, $"Messages are limited to {state.Rules.MaxMessageLength} characters.");
        }

        var trimmed = text.TrimStart();
        if (ChatCommandParser.IsCommand(trimmed))
        {
            return await RunCommandAsync(actor, state, trimmed);
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            text = trimmed[1..];
        }

        var now = UtcNow;
        var badges = state.BadgesOf(actor);
        var privileged = badges != ChatBadges.None;
        var formatted = MessageFormatter.Format(text, linkify: state.Rules.LinksAllowed || privileged);
        var penalty = state.PenaltyOf(actor.UserId, now);
        DateTime? followedAt = null;
        if (state.Rules.FollowersOnlyMinutes is not null && !privileged)
        {
            followedAt = await follows.FollowedSinceAsync(actor.UserId, state.ChannelId, CancellationToken.None);
        }

        SendDecision decision = SendDecision.Allowed;
        var recorded = states.TryRecordMessage(state.ChannelId, actor.UserId, now, last =>
        {
            var standing = new SenderStanding(privileged, penalty is { ExpiresAt: null } ? penalty.Reason ?? "" : null, penalty?.ExpiresAt, followedAt, last);
            decision = ChatSendPolicy.Evaluate(state.Rules, standing, formatted, now);
            return decision.IsAllowed;
        });
        if (!recorded)
        {
            LogRefused(logger, actor.UserName, state.ChannelName, decision.Refusal);
            return Refuse(decision.Refusal, decision.Reason, decision.RetryAfter);
        }

        var match = privileged ? null : state.Terms.Match(formatted.Text);
        if (match is { Action: BlockedTermAction.Reject })
        {
            states.ForgetMessage(state.ChannelId, actor.UserId, now);
            LogRefused(logger, actor.UserName, state.ChannelName, ChatRefusal.BlockedTerm);
            return Refuse(ChatRefusal.BlockedTerm, "Your message contains a term that is not allowed in this chat.");
        }

        var message = new ChatMessage
        {
            Id = Guid.NewGuid(),
            ChannelId = state.ChannelId,
            SenderId = actor.UserId,
            SenderName = actor.UserName,
            Badges = badges,
            Text = formatted.Text,
            Linkify = state.Rules.LinksAllowed || privileged,
            CreatedAt = now,
            StreamSessionId = await sessions.GetLiveSessionAsync(state.ChannelId, CancellationToken.None),
        };

        if (match is { Action: BlockedTermAction.Hold })
        {
            message.State = ChatMessageState.Held;
            message.HeldFor = Truncate(match.Term, 100);
            await writer.HoldAsync(message);
            LogHeld(logger, message.Id, state.ChannelName);
            return new SendResult(SendResult.Held, Reason: "Your message is waiting for a moderator's review.");
        }

        try
        {
            var published = await writer.PublishAsync(message, existing: false);
            return new SendResult(SendResult.Posted, published);
        }
        catch (ChatDeniedException)
        {
            states.ForgetMessage(state.ChannelId, actor.UserId, now);
            throw;
        }
    }

    /// <summary>
    /// The messages a joining client needs: the last <see cref="ChatOptions.HistorySize"/>, or
    /// when resuming, those after <paramref name="sinceSeq"/> (at most <see cref="ChatOptions.ResumeLimit"/>).
    /// </summary>
    /// <summary>
    /// The last messages of a channel, or those after <paramref name="sinceSeq"/>; messages of
    /// <paramref name="hiddenSenders"/> (users the reader blocks or is blocked by) are withheld in place.
    /// </summary>
    public async Task<(List<ChatMessageDto> Messages, bool Gap, List<Guid> DeletedIds, long LastSeq)> GetHistoryAsync(
        ChannelChatState state, long? sinceSeq, IReadOnlySet<Guid> hiddenSenders)
    {
        var settings = await ChatSettingsRows.GetOrCreateAsync(db, state.ChannelId, UtcNow);
        var query = db.ChatMessages.AsNoTracking()
            .Where(m => m.ChannelId == state.ChannelId && m.State == ChatMessageState.Visible && m.Sequence != null);
        var limit = options.Value.HistorySize;
        var deleted = new List<Guid>();
        if (sinceSeq is { } since && since >= 0)
        {
            query = query.Where(m => m.Sequence > since);
            limit = options.Value.ResumeLimit;
            var window = since - options.Value.ResumeLimit;
            deleted = await db.ChatMessages.AsNoTracking()
                .Where(m => m.ChannelId == state.ChannelId && m.State == ChatMessageState.Deleted && m.Sequence > window)
                .OrderByDescending(m => m.Sequence)
                .Select(m => m.Id)
                .Take(1000)
                .ToListAsync();
        }

        var rows = await query.OrderByDescending(m => m.Sequence).Take(limit + 1).ToListAsync();
        var gap = sinceSeq is not null && rows.Count > limit;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        rows.Reverse();
        var messages = new List<ChatMessageDto>(rows.Count);
        foreach (var row in rows)
        {
            var message = ChatMessageMapper.ToDto(row);
            messages.Add(hiddenSenders.Contains(row.SenderId) ? ChatMessageDto.Withheld(message) : message);
        }

        return (messages, gap, deleted, settings.LastSequence);
    }

    /// <summary>Ids of the users <paramref name="actor"/> has blocked.</summary>
    public async Task<Guid[]> GetBlockedUsersAsync(ChatActor actor) =>
        [.. await blocks.BlockedByAsync(actor.UserId, CancellationToken.None)];

    private static SendResult Refuse(ChatRefusal refusal, string? reason, TimeSpan? retryAfter = null) =>
        new(SendResult.Refused, Code: CodeOf(refusal), Reason: reason, RetryAfterMs: retryAfter is { } r ? (long)Math.Ceiling(r.TotalMilliseconds) : null);

    /// <summary>The wire code of a refusal: its name in camelCase ("slowMode").</summary>
    public static string CodeOf(ChatRefusal refusal)
    {
        var name = refusal.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Truncate(string? value, int max) =>
        value is null ? "" : value.Length <= max ? value : value[..max];
}
