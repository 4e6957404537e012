using Microsoft.AspNetCore.SignalR;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Chat;

/// <summary>
/// The chat and audience hub (/hubs/chat, JSON protocol). Thin: each method resolves the
/// channel, checks who is calling and hands over to <see cref="ChatService"/> or the
/// engagement services. Rate limits and error mapping are in <see cref="Internal.Hubs.ChatHubFilter"/>.
/// Anyone may join and read; every other method needs a signed-in user.
/// </summary>
internal sealed partial class ChatHub(
    ChatService chat,
    PresenceTracker presence,
    ChatAudience audience,
    Community.IBlockList blocks,
    ReactionAggregator reactions,
    PollService polls,
    QuestionService questions,
    Accounts.AccountConnections accountConnections) : Hub
{
    private const string JoinedKey = "spectra.chat.joined";
    private const string RegistrationKey = "spectra.chat.account";

    private ChatActor? Actor => ChatActor.From(Context.User);

    private HashSet<Guid> Joined
    {
        get
        {
            if (Context.Items.TryGetValue(JoinedKey, out var value) && value is HashSet<Guid> set)
            {
                return set;
            }

            var created = new HashSet<Guid>();
            Context.Items[JoinedKey] = created;
            return created;
        }
    }

    /// <summary>
    /// Joins a channel's chat. With <paramref name="sinceSeq"/> (the last sequence number the
    /// client saw) the history holds exactly the messages after it, so a reconnecting client
    /// has no duplicates; <see cref="JoinResult.Gap"/> tells it when more were missed than sent.
    /// </summary>
    public async Task<JoinResult> JoinChannel(string channel, long? sinceSeq)
    {
        var state = await chat.GetChannelAsync(channel);
        var joined = Joined;
        if (!joined.Contains(state.ChannelId) && joined.Count >= chat.MaxChannelsPerConnection)
        {
            throw new ChatDeniedException($"A connection can join at most {chat.MaxChannelsPerConnection} channels.");
        }

        // Join the group first, then read history: a message published in between arrives
        // both ways and the client drops the copy by its sequence number.
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.Channel(state.ChannelId));
        if (joined.Add(state.ChannelId) && ViewerKey() is { } viewerKey)
        {
            presence.Join(state.ChannelId, Context.ConnectionId, viewerKey, Actor is null ? Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "?" : null);
        }

        var actor = Actor;
        if (actor is not null && !audience.IsRegistered(Context.ConnectionId))
        {
            audience.Register(Context.ConnectionId, actor.UserId);
            audience.SetHidden(Context.ConnectionId, await blocks.BlockedEitherWayAsync(actor.UserId, Context.ConnectionAborted));
        }

        audience.Join(Context.ConnectionId, state.ChannelId);
        var history = await chat.GetHistoryAsync(state, sinceSeq, audience.HiddenFor(Context.ConnectionId));
        ChatViewerDto? me = null;
        if (actor is not null)
        {
            var badges = state.BadgesOf(actor);
            me = new ChatViewerDto(actor.UserId, actor.UserName, ChannelChatState.BadgeNames(badges), state.CanModerate(actor),
                actor.UserId == state.OwnerId, await chat.GetBlockedUsersAsync(actor));
        }

        return new JoinResult(
            state.ChannelId,
            state.ChannelName,
            state.Settings,
            history.Messages,
            history.Gap,
            history.DeletedIds,
            history.LastSeq,
            me,
            presence.Count(state.ChannelId),
            polls.Current(state.ChannelId),
            await questions.ListAsync(state.ChannelId),
            ReactionKinds.Names,
            ReactionKinds.Emoji);
    }

    public async Task LeaveChannel(string channel)
    {
        var state = await chat.GetChannelAsync(channel);
        if (Joined.Remove(state.ChannelId))
        {
            presence.Leave(state.ChannelId, Context.ConnectionId);
            audience.Leave(Context.ConnectionId, state.ChannelId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroups.Channel(state.ChannelId));
        }
    }

    /// <summary>Posts a message, or runs a command when the text starts with '/'.</summary>
    public async Task<SendResult> SendMessage(string channel, string text)
    {
        var actor = RequireActor("chat");
        var state = await chat.GetChannelAsync(channel);
        return await chat.SendAsync(actor, state, text);
    }

    public async Task DeleteMessage(string channel, Guid messageId, string? reason)
    {
        var actor = RequireActor("moderate");
        await chat.DeleteMessageAsync(actor, await chat.GetChannelAsync(channel), messageId, reason);
    }

    public async Task TimeoutUser(string channel, string user, int seconds, string? reason)
    {
        var actor = RequireActor("moderate");
        await chat.PenalizeAsync(actor, await chat.GetChannelAsync(channel), user, seconds, reason);
    }

    public async Task BanUser(string channel, string user, string? reason)
    {
        var actor = RequireActor("moderate");
        await chat.PenalizeAsync(actor, await chat.GetChannelAsync(channel), user, null, reason);
    }

    public async Task UnbanUser(string channel, string user)
    {
        var actor = RequireActor("moderate");
        await chat.UnbanAsync(actor, await chat.GetChannelAsync(channel), user);
    }

    public async Task ReviewHeldMessage(string channel, Guid messageId, bool approve)
    {
        var actor = RequireActor("moderate");
        await chat.ReviewHeldAsync(actor, await chat.GetChannelAsync(channel), messageId, approve);
    }

    public async Task<ChatSettingsDto> UpdateSettings(string channel, ChatSettingsDto settings)
    {
        var actor = RequireActor("change settings");
        if (settings is null)
        {
            throw new ChatDeniedException("Settings are required.");
        }

        return await chat.UpdateSettingsAsync(actor, await chat.GetChannelAsync(channel), settings);
    }

    public async Task ReportMessage(string channel, Guid messageId, string? reason)
    {
        var actor = RequireActor("report messages");
        await chat.ReportAsync(actor, await chat.GetChannelAsync(channel), messageId, reason);
    }

    /// <summary>Hides a user's messages for the caller, in every channel; returns their id.</summary>
    public Task<Guid> BlockUser(string user) => chat.SetBlockAsync(RequireActor("block users"), user, block: true);

    public Task<Guid> UnblockUser(string user) => chat.SetBlockAsync(RequireActor("block users"), user, block: false);

    /// <summary>One tap of a reaction (a name from JoinResult.Reactions); counted into the next burst.</summary>
    public async Task React(string channel, string reaction)
    {
        var actor = RequireActor("react");
        var state = await chat.GetChannelAsync(channel);
        RequireNotPenalized(actor, state);
        var kind = ReactionKinds.IndexOf(reaction);
        if (kind < 0)
        {
            throw new ChatDeniedException($"Unknown reaction; use one of {string.Join(", ", ReactionKinds.Names)}.");
        }

        reactions.Add(state.ChannelId, kind);
    }

    public async Task<PollDto> StartPoll(string channel, PollRequest poll)
    {
        var actor = RequireActor("start polls");
        return await polls.StartAsync(actor, await chat.GetChannelAsync(channel), poll);
    }

    public async Task<PollDto> EndPoll(string channel)
    {
        var actor = RequireActor("end polls");
        return await polls.EndAsync(actor, await chat.GetChannelAsync(channel));
    }

    public async Task<PollDto> Vote(string channel, Guid pollId, int option)
    {
        var actor = RequireActor("vote");
        var state = await chat.GetChannelAsync(channel);
        RequireNotPenalized(actor, state);
        return polls.Vote(actor, state, pollId, option);
    }

    public async Task<QuestionDto> AskQuestion(string channel, string text)
    {
        var actor = RequireActor("ask questions");
        var state = await chat.GetChannelAsync(channel);
        RequireNotPenalized(actor, state);
        return await questions.AskAsync(actor, state, text);
    }

    public async Task<QuestionDto> UpvoteQuestion(string channel, Guid questionId)
    {
        var actor = RequireActor("vote");
        var state = await chat.GetChannelAsync(channel);
        RequireNotPenalized(actor, state);
        return await questions.UpvoteAsync(actor, state, questionId);
    }

    /// <summary><paramref name="mark"/>: "answered", "pinned", "unpinned" or "dismissed".</summary>
    public async Task<QuestionDto> MarkQuestion(string channel, Guid questionId, string mark)
    {
        var actor = RequireActor("manage questions");
        return await questions.MarkAsync(actor, await chat.GetChannelAsync(channel), questionId, mark);
    }

    /// <summary>
    /// Refuses connections opened by pages of other sites (<see cref="SameOrigin"/>). A signed-in
    /// connection is tracked by <see cref="Accounts.AccountConnections"/>, which closes it when the
    /// user's sign-in ends (signed out, password or admin right changed).
    /// </summary>
    public override Task OnConnectedAsync()
    {
        var request = Context.GetHttpContext()?.Request;
        if (request is not null && !SameOrigin.IsAllowed(request))
        {
            Context.Abort();
        }
        else if (accountConnections.Register(Context.User, Context.Abort) is { } registration)
        {
            Context.Items[RegistrationKey] = registration;
        }

        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(RegistrationKey, out var registration))
        {
            (registration as IDisposable)?.Dispose();
        }

        foreach (var channelId in Joined)
        {
            presence.Leave(channelId, Context.ConnectionId);
        }

        audience.Disconnect(Context.ConnectionId);

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Whom this connection counts as in the channel's viewers: the user when signed in, else the anonymous
    /// viewer cookie (set by the player's watch heartbeat) when the browser has one, else the connection.
    /// Null for the OBS overlay (hub URL with <c>?role=overlay</c>), which is not a viewer.
    /// </summary>
    private string? ViewerKey()
    {
        var request = Context.GetHttpContext()?.Request;
        if (request is not null && request.Query["role"] == "overlay")
        {
            return null;
        }

        if (Actor is { } actor)
        {
            return "u:" + actor.UserId.ToString("N");
        }

        var cookie = request?.Cookies[Community.History.HistoryApi.ViewerCookie];
        return cookie is { Length: 32 } && cookie.All(char.IsAsciiHexDigit) ? "a:" + cookie : "c:" + Context.ConnectionId;
    }

    private ChatActor RequireActor(string what) =>
        Actor ?? throw new ChatDeniedException($"Sign in to {what}.");

    private void RequireNotPenalized(ChatActor actor, ChannelChatState state)
    {
        if (chat.IsPenalized(actor, state))
        {
            throw new ChatDeniedException("You are banned or timed out in this chat.");
        }
    }
}
