using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Events;
using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;
using Spectra.Server.Events;

namespace Spectra.Server.Chat.Internal.Publishing;

/// <summary>
/// Turns chat and engagement events from the bus into hub invocations for this node's
/// connections. Every node runs one, so with a cross-node bus each node serves its own
/// clients. Messages are coalesced per channel (<see cref="ChatOptions.FanOutBatchMilliseconds"/>):
/// under load one frame carries several messages, which divides the per-connection cost.
/// </summary>
internal sealed partial class ChatFanOut(
    IEventBus bus,
    IHubContext<ChatHub> hub,
    ChatStateStore states,
    ChatAudience audience,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<ChatFanOut> logger) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<Guid, Outbox> _outboxes = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(bus.Subscribe<ChatMessagesPublished>((e, _) => { Enqueue(e); return ValueTask.CompletedTask; }));
        _subscriptions.Add(bus.Subscribe<ChatMessagesDeleted>((e, ct) => SendAsync(e.ChannelId, ChatClientMethods.MessagesDeleted, e.Deleted, ct)));
        _subscriptions.Add(bus.Subscribe<ChatSettingsChanged>((e, ct) =>
        {
            states.Invalidate(e.ChannelId);
            return SendAsync(e.ChannelId, ChatClientMethods.Settings, e.Settings, ct);
        }));
        _subscriptions.Add(bus.Subscribe<ChatChannelStateChanged>((e, _) =>
        {
            states.Invalidate(e.ChannelId);
            return ValueTask.CompletedTask;
        }));
        _subscriptions.Add(bus.Subscribe<ReactionBurstPublished>((e, ct) => SendAsync(e.ChannelId, ChatClientMethods.Reactions, e.Burst, ct)));
        _subscriptions.Add(bus.Subscribe<PollChanged>((e, ct) => SendAsync(e.ChannelId, ChatClientMethods.Poll, e.Poll, ct)));
        _subscriptions.Add(bus.Subscribe<QuestionChanged>((e, ct) => SendAsync(e.ChannelId, ChatClientMethods.Question, e.Question, ct)));
        _subscriptions.Add(bus.Subscribe<ViewersChanged>((e, ct) => SendAsync(e.ChannelId, ChatClientMethods.Viewers, e.Viewers, ct)));
        _subscriptions.Add(bus.Subscribe<UserBlockChanged>((e, _) =>
        {
            audience.Apply(e);
            return ValueTask.CompletedTask;
        }));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        foreach (var outbox in _outboxes.Values)
        {
            await outbox.Tail.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async ValueTask SendAsync(Guid channelId, string method, object argument, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(ChatGroups.Channel(channelId)).SendAsync(method, argument, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, method, channelId, ex);
        }
    }

    private void Enqueue(ChatMessagesPublished published)
    {
        var window = options.Value.FanOutBatchMilliseconds;
        var outbox = _outboxes.GetOrAdd(published.ChannelId, static id => new Outbox(id));
        lock (outbox)
        {
            outbox.Pending.AddRange(published.Messages);
            if (outbox.Scheduled)
            {
                return;
            }

            var elapsed = time.GetElapsedTime(outbox.LastFlush).TotalMilliseconds;
            if (window == 0 || elapsed >= window)
            {
                FlushLocked(outbox);
                return;
            }

            outbox.Scheduled = true;
            var delay = TimeSpan.FromMilliseconds(window - elapsed);
            _ = Task.Delay(delay, time).ContinueWith(_ => Flush(outbox), TaskScheduler.Default);
        }
    }

    private void Flush(Outbox outbox)
    {
        lock (outbox)
        {
            outbox.Scheduled = false;
            FlushLocked(outbox);
        }
    }

    /// <summary>Sends what is pending, after the previous send of this channel (keeps order).</summary>
    private void FlushLocked(Outbox outbox)
    {
        if (outbox.Pending.Count == 0)
        {
            return;
        }

        var batch = outbox.Pending.ToArray();
        outbox.Pending.Clear();
        outbox.LastFlush = time.GetTimestamp();
        var previous = outbox.Tail;
        outbox.Tail = SendBatchAsync(previous, outbox.ChannelId, batch);
    }

    /// <summary>
    /// Sends a batch to the channel; connections whose users block a sender (or are blocked by one) get their
    /// own copy with those messages withheld.
    /// </summary>
    private async Task SendBatchAsync(Task previous, Guid channelId, ChatMessageDto[] batch)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var withheld = audience.Withholding(channelId, batch);
        if (withheld.Count == 0)
        {
            await SendAsync(channelId, ChatClientMethods.Messages, batch, CancellationToken.None);
            return;
        }

        var excluded = new List<string>(withheld.Count);
        foreach (var (connectionId, _) in withheld)
        {
            excluded.Add(connectionId);
        }

        try
        {
            await hub.Clients.GroupExcept(ChatGroups.Channel(channelId), excluded).SendAsync(ChatClientMethods.Messages, batch);
            foreach (var (connectionId, own) in withheld)
            {
                await hub.Clients.Client(connectionId).SendAsync(ChatClientMethods.Messages, own);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ChatClientMethods.Messages, channelId, ex);
        }
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Broadcasting {Method} to channel {ChannelId} failed.")]
    private static partial void LogSendFailed(ILogger logger, string method, Guid channelId, Exception exception);

    private sealed class Outbox(Guid channelId)
    {
        public Guid ChannelId { get; } = channelId;

        public List<ChatMessageDto> Pending { get; } = [];

        public long LastFlush { get; set; }

        public bool Scheduled { get; set; }

        public Task Tail { get; set; } = Task.CompletedTask;
    }
}
