using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Events;
using Spectra.Server.Events;

namespace Spectra.Server.Chat.Internal.Publishing;

/// <summary>
/// Publishes messages of each channel one batch at a time, in order: takes every message
/// waiting for the channel, reserves their sequence numbers by incrementing the channel's
/// LastSequence in the same transaction that inserts them (the row lock orders concurrent
/// writers, also across nodes), commits, then announces them on the event bus. A message is
/// therefore never broadcast before it is stored, and sequence numbers have no gaps. Every chat
/// message row is written here, held ones included.
/// </summary>
internal sealed partial class ChatMessageWriter(IServiceScopeFactory scopes, IEventBus bus, ILogger<ChatMessageWriter> logger) : IAsyncDisposable
{
    /// <summary>Most messages stored in one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<Guid, Lazy<ChannelQueue>> _queues = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Stores and publishes <paramref name="message"/> (new, or an existing held message being
    /// approved) and returns it as published, with its sequence number.
    /// </summary>
    public Task<ChatMessageDto> PublishAsync(ChatMessage message, bool existing)
    {
        var pending = new PendingMessage(message, existing);
        var queue = _queues.GetOrAdd(message.ChannelId, id => new Lazy<ChannelQueue>(() => new ChannelQueue(id, this))).Value;
        if (!queue.Writer.TryWrite(pending))
        {
            pending.Completion.TrySetException(new ObjectDisposedException(nameof(ChatMessageWriter)));
        }

        return pending.Completion.Task;
    }

    /// <summary>
    /// Stores a new message as held for review: no sequence number, not announced. A moderator's
    /// approval publishes it later through <see cref="PublishAsync"/> with <c>existing: true</c>.
    /// </summary>
    public async Task HoldAsync(ChatMessage message)
    {
        message.State = ChatMessageState.Held;
        message.Sequence = null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        db.ChatMessages.Add(message);
        await db.SaveChangesAsync(_stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var lazy in _queues.Values)
        {
            var queue = lazy.Value;
            queue.Writer.TryComplete();
            await queue.Worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(Guid channelId, ChannelReader<PendingMessage> reader)
    {
        var batch = new List<PendingMessage>(MaxBatch);
        while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                var published = await StoreAsync(channelId, batch).ConfigureAwait(false);
                await bus.PublishAsync(new ChatMessagesPublished(channelId, published), _stopping.Token).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(published[i]);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                LogStoreFailed(logger, channelId, batch.Count, ex);
                foreach (var item in batch)
                {
                    item.Completion.TrySetException(new ChatDeniedException("The message could not be stored; please try again."));
                }
            }

            batch.Clear();
        }
    }

    private async Task<ChatMessageDto[]> StoreAsync(Guid channelId, List<PendingMessage> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(_stopping.Token);
            var updated = await db.ChatSettings.Where(s => s.ChannelId == channelId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSequence, x => x.LastSequence + batch.Count), _stopping.Token);
            if (updated != 1)
            {
                throw new InvalidOperationException($"No chat settings row for channel {channelId}.");
            }

            var last = await db.ChatSettings.Where(s => s.ChannelId == channelId).Select(s => s.LastSequence).SingleAsync(_stopping.Token);
            var first = last - batch.Count + 1;
            var result = new ChatMessageDto[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i].Message;
                message.Sequence = first + i;
                message.State = ChatMessageState.Visible;
                if (batch[i].Existing)
                {
                    db.ChatMessages.Attach(message);
                    db.Entry(message).Property(m => m.Sequence).IsModified = true;
                    db.Entry(message).Property(m => m.State).IsModified = true;
                }
                else
                {
                    db.ChatMessages.Add(message);
                }

                result[i] = ChatMessageMapper.ToDto(message);
            }

            await db.SaveChangesAsync(_stopping.Token);
            await transaction.CommitAsync(_stopping.Token);
            return result;
        });
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Storing {Count} chat messages of channel {ChannelId} failed.")]
    private static partial void LogStoreFailed(ILogger logger, Guid channelId, int count, Exception exception);

    private sealed record PendingMessage(ChatMessage Message, bool Existing)
    {
        public TaskCompletionSource<ChatMessageDto> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ChannelQueue
    {
        private readonly Channel<PendingMessage> _channel = Channel.CreateUnbounded<PendingMessage>(new UnboundedChannelOptions { SingleReader = true });

        public ChannelQueue(Guid channelId, ChatMessageWriter owner)
        {
            Worker = Task.Run(() => owner.RunAsync(channelId, _channel.Reader));
        }

        public ChannelWriter<PendingMessage> Writer => _channel.Writer;

        public Task Worker { get; }
    }
}
