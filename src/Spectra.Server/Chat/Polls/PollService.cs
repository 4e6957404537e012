using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Internal;
using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Events;

namespace Spectra.Server.Chat.Polls;

/// <summary>
/// Runs polls and quizzes: one at a time per channel, held in memory on this node while open
/// (votes are cheap and frequent), results pushed at most every tick (250 ms), stored with
/// every final vote when the poll closes. The last closed poll stays visible until the next.
/// </summary>
internal sealed partial class PollService(
    IServiceScopeFactory scopes,
    IEventBus bus,
    IChatSessionResolver sessions,
    TimeProvider time,
    ILogger<PollService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Guid, PollEntry> _polls = new();

    private DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public PollDto? Current(Guid channelId) =>
        _polls.TryGetValue(channelId, out var entry) ? entry.Final ?? ToDto(entry.State) : null;

    public async Task<PollDto> StartAsync(ChatActor actor, ChannelChatState channel, PollRequest? request)
    {
        ChatService.RequireModerator(actor, channel);
        if (request is null)
        {
            throw new ChatDeniedException("A poll needs a question and options.");
        }

        var definition = new PollDefinition(request.Question ?? "", request.Options ?? [], request.DurationSeconds, request.CorrectOption);
        var error = definition.Validate();
        if (error is not null)
        {
            throw new ChatDeniedException(error);
        }

        if (definition.Options.Any(o => o.Contains('\n', StringComparison.Ordinal) || o.Contains('\r', StringComparison.Ordinal)))
        {
            throw new ChatDeniedException("Options cannot contain line breaks.");
        }

        var state = new PollState(Guid.NewGuid(), channel.ChannelId, definition, UtcNow);
        var entry = new PollEntry(state, actor.UserId, await sessions.GetLiveSessionAsync(channel.ChannelId, CancellationToken.None));
        while (true)
        {
            if (_polls.TryGetValue(channel.ChannelId, out var existing))
            {
                if (existing.Final is null)
                {
                    throw new ChatDeniedException("A poll is running already; end it first.");
                }

                if (_polls.TryUpdate(channel.ChannelId, entry, existing))
                {
                    break;
                }
            }
            else if (_polls.TryAdd(channel.ChannelId, entry))
            {
                break;
            }
        }

        await WriteLogAsync(actor, channel.ChannelId, ModerationActions.StartPoll, state.Question);
        var dto = ToDto(state);
        await bus.PublishAsync(new PollChanged(channel.ChannelId, dto));
        return dto;
    }

    public PollDto Vote(ChatActor actor, ChannelChatState channel, Guid pollId, int option)
    {
        if (!_polls.TryGetValue(channel.ChannelId, out var entry) || entry.State.Id != pollId)
        {
            throw new ChatDeniedException("That poll is not running in this channel.");
        }

        switch (entry.State.Vote(actor.UserId, option, UtcNow))
        {
            case PollVoteResult.Closed:
                throw new ChatDeniedException("The poll has closed.");
            case PollVoteResult.InvalidOption:
                throw new ChatDeniedException("There is no such option.");
            default:
                entry.Dirty = true;
                return ToDto(entry.State);
        }
    }

    public async Task<PollDto> EndAsync(ChatActor actor, ChannelChatState channel)
    {
        ChatService.RequireModerator(actor, channel);
        if (!_polls.TryGetValue(channel.ChannelId, out var entry) || entry.Final is not null)
        {
            throw new ChatDeniedException("No poll is running.");
        }

        await WriteLogAsync(actor, channel.ChannelId, ModerationActions.EndPoll, entry.State.Question);
        return await CloseAsync(entry) ?? entry.Final ?? ToDto(entry.State);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.TickAsync(stoppingToken))
        {
            foreach (var entry in _polls.Values)
            {
                try
                {
                    if (entry.Final is null && !entry.State.IsOpen(UtcNow))
                    {
                        await CloseAsync(entry);
                    }
                    else if (entry.Final is null && entry.Dirty)
                    {
                        entry.Dirty = false;
                        await bus.PublishAsync(new PollChanged(entry.State.ChannelId, ToDto(entry.State)), stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(logger, entry.State.Id, ex);
                }
            }
        }
    }

    /// <summary>Closes, stores and announces the poll; null when someone else closed it first.</summary>
    private async Task<PollDto?> CloseAsync(PollEntry entry)
    {
        var state = entry.State;
        if (!state.Close(UtcNow))
        {
            return null;
        }

        var correct = state.CorrectVoters();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var names = correct.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => correct.Take(50).Contains(u.Id)).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();
        var poll = new Poll
        {
            Id = state.Id,
            ChannelId = state.ChannelId,
            StreamSessionId = entry.SessionId,
            Question = state.Question,
            Options = string.Join('\n', state.Options),
            CorrectOption = state.CorrectOption,
            Counts = string.Join(',', state.Counts()),
            CreatedById = entry.CreatedBy,
            OpenedAt = state.OpenedAt,
            ClosedAt = UtcNow < state.ClosesAt ? UtcNow : state.ClosesAt,
        };
        foreach (var (user, option) in state.Votes())
        {
            poll.Votes.Add(new PollVote { PollId = state.Id, UserId = user, Option = option, IsCorrect = option == state.CorrectOption });
        }

        db.Polls.Add(poll);
        await db.SaveChangesAsync();
        var final = ToDto(state, closed: true, names, correct.Count);
        entry.Final = final;
        LogClosed(logger, state.Id, state.TotalVotes());
        await bus.PublishAsync(new PollChanged(state.ChannelId, final));
        return final;
    }

    private async Task WriteLogAsync(ChatActor actor, Guid channelId, string action, string details)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Id = Guid.NewGuid(),
            ChannelId = channelId,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            Action = action,
            Details = details,
            CreatedAt = UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private PollDto ToDto(PollState state, bool closed = false, IReadOnlyList<string>? correctVoters = null, int correctCount = 0)
    {
        var open = !closed && state.IsOpen(UtcNow);
        return new PollDto(
            state.Id,
            state.Question,
            state.Options,
            state.Counts(),
            state.TotalVotes(),
            state.IsQuiz,
            open,
            state.ClosesAt,
            open ? null : state.CorrectOption,
            correctVoters ?? [],
            correctCount);
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Poll {PollId} closed with {Votes} votes.")]
    private static partial void LogClosed(ILogger logger, Guid pollId, int votes);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Poll {PollId} could not be updated or closed.")]
    private static partial void LogTickFailed(ILogger logger, Guid pollId, Exception exception);

    private sealed class PollEntry(PollState state, Guid createdBy, Guid? sessionId)
    {
        public PollState State { get; } = state;

        public Guid CreatedBy { get; } = createdBy;

        public Guid? SessionId { get; } = sessionId;

        public volatile bool Dirty;

        public volatile PollDto? Final;
    }
}
