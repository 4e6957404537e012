using Microsoft.EntityFrameworkCore;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Events;
using Spectra.Server.Chat.Internal.State;

namespace Spectra.Server.Chat;

internal sealed partial class ChatService
{
    /// <summary>Deletes a message (visible or held) and removes it from every client.</summary>
    public async Task DeleteMessageAsync(ChatActor actor, ChannelChatState state, Guid messageId, string? reason)
    {
        RequireModerator(actor, state);
        var message = await db.ChatMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.ChannelId == state.ChannelId)
            ?? throw new ChatDeniedException("There is no such message in this channel.");
        if (message.State == ChatMessageState.Deleted)
        {
            return;
        }

        message.State = ChatMessageState.Deleted;
        message.DeletedAt = UtcNow;
        message.DeletedById = actor.UserId;
        AddLog(actor, state, ModerationActions.Delete, message.SenderId, message.SenderName, message.Id, Truncate(message.Text, 2000), reason);
        await ResolveReportsOfAsync(actor, message.Id, "deleted");
        await db.SaveChangesAsync();
        await bus.PublishAsync(new ChatMessagesDeleted(state.ChannelId, new MessagesDeletedDto([messageId], null)));
    }

    /// <summary>Times a user out for 1 s – 14 days, or bans them (<paramref name="seconds"/> null); hides their recent messages.</summary>
    public async Task PenalizeAsync(ChatActor actor, ChannelChatState state, string? userName, int? seconds, string? reason)
    {
        RequireModerator(actor, state);
        if (seconds is < 1 or > Internal.Commands.ChatCommandParser.MaxTimeoutSeconds)
        {
            throw new ChatDeniedException("A time-out lasts 1 to 1209600 seconds.");
        }

        var target = await FindUserAsync(userName);
        RequireCanTarget(actor, state, target.Id, target.IsAdmin);
        var now = UtcNow;
        var ban = await db.ChatBans.FirstOrDefaultAsync(b => b.ChannelId == state.ChannelId && b.UserId == target.Id);
        if (ban is null)
        {
            ban = new ChatBan { ChannelId = state.ChannelId, UserId = target.Id };
            db.ChatBans.Add(ban);
        }

        ban.ExpiresAt = seconds is { } s ? now.AddSeconds(s) : null;
        ban.Reason = reason is null ? null : Truncate(reason, 300);
        ban.CreatedById = actor.UserId;
        ban.CreatedAt = now;

        // Hide what they wrote in the last hour, as chat clients do on a ban or time-out.
        var since = now.AddHours(-1);
        var hidden = await db.ChatMessages
            .Where(m => m.ChannelId == state.ChannelId && m.SenderId == target.Id && m.State == ChatMessageState.Visible && m.CreatedAt >= since)
            .ToListAsync();
        foreach (var message in hidden)
        {
            message.State = ChatMessageState.Deleted;
            message.DeletedAt = now;
            message.DeletedById = actor.UserId;
        }

        AddLog(actor, state, seconds is null ? ModerationActions.Ban : ModerationActions.Timeout, target.Id, target.UserName, null,
            seconds is { } d ? $"{d} s" : null, reason);
        await db.SaveChangesAsync();
        states.Invalidate(state.ChannelId);
        await bus.PublishAsync(new ChatChannelStateChanged(state.ChannelId));
        await bus.PublishAsync(new ChatMessagesDeleted(state.ChannelId, new MessagesDeletedDto([.. hidden.Select(m => m.Id)], target.Id)));
    }

    /// <summary>Lifts a ban or time-out.</summary>
    public async Task UnbanAsync(ChatActor actor, ChannelChatState state, string? userName)
    {
        RequireModerator(actor, state);
        var target = await FindUserAsync(userName);
        var removed = await db.ChatBans.Where(b => b.ChannelId == state.ChannelId && b.UserId == target.Id).ExecuteDeleteAsync();
        if (removed == 0)
        {
            throw new ChatDeniedException($"{target.UserName} is not banned or timed out here.");
        }

        AddLog(actor, state, ModerationActions.Unban, target.Id, target.UserName, null, null, null);
        await db.SaveChangesAsync();
        states.Invalidate(state.ChannelId);
        await bus.PublishAsync(new ChatChannelStateChanged(state.ChannelId));
    }

    /// <summary>Appoints or removes a moderator (owner or site admin only).</summary>
    public async Task SetModeratorAsync(ChatActor actor, ChannelChatState state, string? userName, bool appoint)
    {
        if (!state.IsOwnerOrAdmin(actor))
        {
            throw new ChatDeniedException("Only the channel owner can appoint moderators.");
        }

        var target = await FindUserAsync(userName);
        if (target.Id == state.OwnerId)
        {
            throw new ChatDeniedException("The owner moderates their channel already.");
        }

        var existing = await db.ChatModerators.FirstOrDefaultAsync(m => m.ChannelId == state.ChannelId && m.UserId == target.Id);
        if (appoint && existing is null)
        {
            db.ChatModerators.Add(new ChatModerator { ChannelId = state.ChannelId, UserId = target.Id, AppointedById = actor.UserId, CreatedAt = UtcNow });
        }
        else if (!appoint && existing is not null)
        {
            db.ChatModerators.Remove(existing);
        }
        else
        {
            throw new ChatDeniedException(appoint ? $"{target.UserName} is a moderator already." : $"{target.UserName} is not a moderator.");
        }

        AddLog(actor, state, appoint ? ModerationActions.AddModerator : ModerationActions.RemoveModerator, target.Id, target.UserName, null, null, null);
        await db.SaveChangesAsync();
        states.Invalidate(state.ChannelId);
        await bus.PublishAsync(new ChatChannelStateChanged(state.ChannelId));
    }

    /// <summary>Adds a blocked term (1–100 characters, with at least one letter or digit).</summary>
    public async Task AddBlockedTermAsync(ChatActor actor, ChannelChatState state, string? term, Internal.Text.BlockedTermAction action)
    {
        RequireModerator(actor, state);
        var clean = Internal.Text.MessageFormatter.Clean(term ?? "");
        if (clean.Length is 0 or > 100 || Internal.Text.SkeletonTokenizer.Tokenize(clean).Count == 0)
        {
            throw new ChatDeniedException("A blocked term has 1 to 100 characters, with at least one letter or digit.");
        }

        if (!Enum.IsDefined(action))
        {
            throw new ChatDeniedException("Unknown action; use reject or hold.");
        }

        if (await db.ChatBlockedTerms.AnyAsync(t => t.ChannelId == state.ChannelId && t.Term == clean))
        {
            throw new ChatDeniedException("That term is blocked already.");
        }

        db.ChatBlockedTerms.Add(new ChatBlockedTerm { Id = Guid.NewGuid(), ChannelId = state.ChannelId, Term = clean, Action = (int)action, CreatedById = actor.UserId, CreatedAt = UtcNow });
        AddLog(actor, state, ModerationActions.AddTerm, null, null, null, $"{clean} ({action.ToString().ToLowerInvariant()})", null);
        await db.SaveChangesAsync();
        states.Invalidate(state.ChannelId);
        await bus.PublishAsync(new ChatChannelStateChanged(state.ChannelId));
    }

    public async Task RemoveBlockedTermAsync(ChatActor actor, ChannelChatState state, Guid termId)
    {
        RequireModerator(actor, state);
        var term = await db.ChatBlockedTerms.FirstOrDefaultAsync(t => t.Id == termId && t.ChannelId == state.ChannelId)
            ?? throw new ChatDeniedException("There is no such blocked term.");
        db.ChatBlockedTerms.Remove(term);
        AddLog(actor, state, ModerationActions.RemoveTerm, null, null, null, term.Term, null);
        await db.SaveChangesAsync();
        states.Invalidate(state.ChannelId);
        await bus.PublishAsync(new ChatChannelStateChanged(state.ChannelId));
    }

    /// <summary>Puts a message into the channel's review queue (once per reporter and message).</summary>
    public async Task ReportAsync(ChatActor actor, ChannelChatState state, Guid messageId, string? reason)
    {
        var exists = await db.ChatMessages.AnyAsync(m => m.Id == messageId && m.ChannelId == state.ChannelId && m.State == ChatMessageState.Visible);
        if (!exists)
        {
            throw new ChatDeniedException("There is no such message in this channel.");
        }

        if (await db.ChatReports.AnyAsync(r => r.MessageId == messageId && r.ReporterId == actor.UserId))
        {
            return;
        }

        db.ChatReports.Add(new ChatReport
        {
            Id = Guid.NewGuid(),
            ChannelId = state.ChannelId,
            MessageId = messageId,
            ReporterId = actor.UserId,
            Reason = reason is null ? null : Truncate(Internal.Text.MessageFormatter.Clean(reason), 300),
            CreatedAt = UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Resolves a report: deletes the message, or dismisses the report.</summary>
    public async Task ResolveReportAsync(ChatActor actor, ChannelChatState state, Guid reportId, bool deleteMessage)
    {
        RequireModerator(actor, state);
        var report = await db.ChatReports.FirstOrDefaultAsync(r => r.Id == reportId && r.ChannelId == state.ChannelId)
            ?? throw new ChatDeniedException("There is no such report.");
        if (deleteMessage)
        {
            await DeleteMessageAsync(actor, state, report.MessageId, "reported");
            return;
        }

        await ResolveReportsOfAsync(actor, report.MessageId, "dismissed");
        AddLog(actor, state, ModerationActions.DismissReport, null, null, report.MessageId, null, null);
        await db.SaveChangesAsync();
    }

    /// <summary>Publishes a held message (it gets the next sequence number) or rejects it.</summary>
    public async Task ReviewHeldAsync(ChatActor actor, ChannelChatState state, Guid messageId, bool approve)
    {
        RequireModerator(actor, state);
        var message = await db.ChatMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.ChannelId == state.ChannelId && m.State == ChatMessageState.Held)
            ?? throw new ChatDeniedException("There is no such held message.");
        AddLog(actor, state, approve ? ModerationActions.ApproveHeld : ModerationActions.RejectHeld, message.SenderId, message.SenderName, message.Id, Truncate(message.Text, 2000), null);
        if (approve)
        {
            await db.SaveChangesAsync();
            await writer.PublishAsync(message, existing: true);
            return;
        }

        await db.ChatMessages.Where(m => m.Id == messageId && m.State == ChatMessageState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, ChatMessageState.Deleted).SetProperty(m => m.DeletedAt, UtcNow).SetProperty(m => m.DeletedById, actor.UserId));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Blocks or unblocks another user, everywhere: while either blocks the other, neither sees the other's
    /// messages and neither can follow the other's channel. Returns their id.
    /// </summary>
    public async Task<Guid> SetBlockAsync(ChatActor actor, string? userName, bool block)
    {
        var target = await FindUserAsync(userName);
        if (target.Id == actor.UserId)
        {
            throw new ChatDeniedException("You cannot block yourself.");
        }

        // Idempotent from chat ("/block" twice is no error); the block list severs follows and tells every node.
        if (block)
        {
            await blocks.BlockAsync(actor.UserId, target.Id, CancellationToken.None);
        }
        else
        {
            await blocks.UnblockAsync(actor.UserId, target.Id, CancellationToken.None);
        }

        return target.Id;
    }

    /// <summary>Changes the chat settings and tells every client.</summary>
    public async Task<ChatSettingsDto> UpdateSettingsAsync(ChatActor actor, ChannelChatState state, ChatSettingsDto settings)
    {
        RequireModerator(actor, state);
        var rules = ChatSettingsRows.ToRules(settings);
        var error = rules.Validate();
        if (error is not null)
        {
            throw new ChatDeniedException(error);
        }

        await ChatSettingsRows.GetOrCreateAsync(db, state.ChannelId, UtcNow);
        var row = await db.ChatSettings.FirstAsync(s => s.ChannelId == state.ChannelId);
        var before = state.Settings;
        row.ChatEnabled = rules.ChatEnabled;
        row.SlowModeSeconds = rules.SlowModeSeconds;
        row.FollowersOnlyMinutes = rules.FollowersOnlyMinutes;
        row.EmoteOnly = rules.EmoteOnly;
        row.LinksAllowed = rules.LinksAllowed;
        row.MaxMessageLength = rules.MaxMessageLength;
        row.UpdatedAt = UtcNow;
        AddLog(actor, state, ModerationActions.Settings, null, null, null, DescribeChange(before, settings), null);
        await db.SaveChangesAsync();
        states.Invalidate(state.ChannelId);
        await bus.PublishAsync(new ChatSettingsChanged(state.ChannelId, settings));
        return settings;
    }

    /// <summary>The newest moderation log entries of a channel (moderators only).</summary>
    public async Task<List<ModerationLogEntry>> GetLogAsync(ChatActor actor, ChannelChatState state, int take = 100)
    {
        RequireModerator(actor, state);
        return await db.ModerationLog.AsNoTracking().Where(e => e.ChannelId == state.ChannelId)
            .OrderByDescending(e => e.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync();
    }

    internal static void RequireModerator(ChatActor? actor, ChannelChatState state)
    {
        if (!state.CanModerate(actor))
        {
            throw new ChatDeniedException("Only the channel's owner and moderators can do that.");
        }
    }

    internal void AddLog(ChatActor actor, ChannelChatState state, string action, Guid? targetId, string? targetName, Guid? messageId, string? details, string? reason)
    {
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Id = Guid.NewGuid(),
            ChannelId = state.ChannelId,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            Action = action,
            TargetUserId = targetId,
            TargetName = targetName,
            MessageId = messageId,
            Details = details is null ? null : Truncate(details, 2000),
            Reason = reason is null ? null : Truncate(reason, 300),
            CreatedAt = UtcNow,
        });
        LogModeration(logger, actor.UserName, action, state.ChannelName, targetName);
    }

    private async Task ResolveReportsOfAsync(ChatActor actor, Guid messageId, string resolution)
    {
        var reports = await db.ChatReports.Where(r => r.MessageId == messageId && r.ResolvedAt == null).ToListAsync();
        foreach (var report in reports)
        {
            report.ResolvedAt = UtcNow;
            report.ResolvedById = actor.UserId;
            report.Resolution = resolution;
        }
    }

    private async Task<(Guid Id, string UserName, bool IsAdmin)> FindUserAsync(string? userName)
    {
        var name = userName?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            throw new ChatDeniedException("Name a user.");
        }

        var normalized = name.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName, u.IsAdmin }).FirstOrDefaultAsync()
            ?? throw new ChatDeniedException($"There is no user named '{name}'.");
        return (user.Id, user.UserName, user.IsAdmin);
    }

    private static void RequireCanTarget(ChatActor actor, ChannelChatState state, Guid targetId, bool targetIsAdmin)
    {
        if (targetId == actor.UserId)
        {
            throw new ChatDeniedException("You cannot do that to yourself.");
        }

        if (targetId == state.OwnerId || (targetIsAdmin && !actor.IsAdmin))
        {
            throw new ChatDeniedException("The channel owner and site admins cannot be banned or timed out.");
        }

        if (state.Moderators.Contains(targetId) && !state.IsOwnerOrAdmin(actor))
        {
            throw new ChatDeniedException("Only the owner can ban or time out a moderator.");
        }
    }

    private static string DescribeChange(ChatSettingsDto before, ChatSettingsDto after)
    {
        var parts = new List<string>();
        if (before.ChatEnabled != after.ChatEnabled)
        {
            parts.Add(after.ChatEnabled ? "chat on" : "chat off");
        }

        if (before.SlowModeSeconds != after.SlowModeSeconds)
        {
            parts.Add(after.SlowModeSeconds == 0 ? "slow mode off" : $"slow mode {after.SlowModeSeconds} s");
        }

        if (before.FollowersOnlyMinutes != after.FollowersOnlyMinutes)
        {
            parts.Add(after.FollowersOnlyMinutes is { } m ? $"followers only ({m} min)" : "followers only off");
        }

        if (before.EmoteOnly != after.EmoteOnly)
        {
            parts.Add(after.EmoteOnly ? "emote only on" : "emote only off");
        }

        if (before.LinksAllowed != after.LinksAllowed)
        {
            parts.Add(after.LinksAllowed ? "links allowed" : "links not allowed");
        }

        if (before.MaxMessageLength != after.MaxMessageLength)
        {
            parts.Add($"max length {after.MaxMessageLength}");
        }

        return parts.Count == 0 ? "no change" : string.Join(", ", parts);
    }
}
