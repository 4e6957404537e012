using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Commands;

namespace Spectra.Rtmp.Internal.Session;

/// <summary>
/// Playback (RTMP 1.0 §7.2.2.1 play): the connection becomes a player of one live stream. The receive loop keeps
/// answering the player (acknowledgements, pings, deleteStream) while a second task, the play pump, sends the
/// stream's messages; both write the output under <see cref="_outputLock"/>, a whole message at a time.
/// A player is not a publisher: the pre-publish limits stay for the whole connection (small messages, no audio or
/// video from it), and it cannot publish.
/// </summary>
internal sealed partial class RtmpSession : IRtmpPlayWriter
{
    // Chunk streams of what a player receives, as nginx-rtmp uses them: data/status 5, audio 6, video 7.
    private const uint AudioChunkStreamId = 6;
    private const uint VideoChunkStreamId = 7;

    /// <summary>Bytes the pump writes before it flushes (and lets the receive loop answer the player).</summary>
    private const int PlayBatchBytes = 256 * 1024;

    private readonly SemaphoreSlim _outputLock = new(1, 1);
    private readonly CancellationTokenSource _playStop = new();
    private IRtmpPlaySubscription? _playSubscription;
    private Task? _playTask;
    private uint _playStreamId;
    private bool _played;
    private volatile bool _playFinished;
    private long _playBytes;

    private bool IsPlaying => _playSubscription is not null;

    /// <summary>§7.2.2.1: play(transaction 0, null, name, start, duration, reset) on a created message stream.</summary>
    private void OnPlay(in RtmpMessageHeader header, RtmpCommand command)
    {
        if (!_createdStreams.Contains(header.MessageStreamId))
        {
            throw new RtmpProtocolException($"play on message stream {header.MessageStreamId}, which createStream did not create (RTMP 1.0 §7.2.2.1)");
        }

        if (_played || _published)
        {
            throw new RtmpProtocolException(_published ? "play on a publishing connection" : "Second play on one connection");
        }

        var (app, streamName) = RtmpStreamPath.Resolve(_app, command.GetArgument(0) as string ?? "", _tcUrl);
        _played = true;
        _pendingStreamId = header.MessageStreamId;
        _pendingPlay = new RtmpPlayRequest(app, streamName, _tcUrl, _connection.RemoteEndPoint, _connectionId);
        _pending = PendingAction.Play;
    }

    private async ValueTask DecidePlayAsync()
    {
        var request = _pendingPlay!;
        var streamId = _pendingStreamId;
        _pendingPlay = null;
        IRtmpPlaySubscription? subscription = null;
        bool applicationOk = string.IsNullOrEmpty(_options.Application) || string.Equals(request.App, _options.Application, StringComparison.OrdinalIgnoreCase);
        if (applicationOk && request.StreamName.Length > 0 && _playHandler is not null)
        {
            try
            {
                subscription = await _playHandler.PlayAsync(request, _connection.ConnectionClosed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PlayHandlerFailed(_logger, _connectionId, ex);
            }
        }

        if (subscription is null)
        {
            WriteStatus(streamId, "error", RtmpCommandWriter.PlayStreamNotFound, $"No live stream '{request.StreamName}'.");
            Log.PlayNotFound(_logger, _connectionId, LoggedApp(request.App));
            _closeAfterFlush = true;
            return;
        }

        _playSubscription = subscription;
        _playStreamId = streamId;
        // Players send little once playing (acknowledgements every window): the idle timeout no longer applies; a
        // player that stops reading is closed by the source instead (IRtmpPlaySubscription.Closed).
        _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        RtmpControlMessages.WriteUserControl(_chunkWriter, _output, RtmpControlMessages.StreamBegin, streamId);
        WriteStatus(streamId, "status", RtmpCommandWriter.PlayReset, $"Playing and resetting {request.StreamName}.");
        WriteStatus(streamId, "status", RtmpCommandWriter.PlayStart, $"Started playing {request.StreamName}.");
        _scratch.ResetWrittenCount();
        RtmpCommandWriter.WriteSampleAccess(_scratch);
        WriteMessage(StatusChunkStreamId, RtmpMessageType.DataAmf0, streamId, _scratch.WrittenSpan);
        Log.PlayStarted(_logger, _connectionId, LoggedApp(request.App), request.StreamName, request.RemoteEndPoint);
        _playTask = Task.Run(PlayLoopAsync);
    }

    /// <summary>Sends the stream until it ends (then StreamEOF and NetStream.Play.UnpublishNotify, and the connection closes).</summary>
    private async Task PlayLoopAsync()
    {
        var subscription = _playSubscription!;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_playStop.Token, subscription.Closed, _connection.ConnectionClosed);
        var ct = stop.Token;
        try
        {
            while (await subscription.WaitToReadAsync(ct))
            {
                await _outputLock.WaitAsync(ct);
                try
                {
                    var start = _playBytes;
                    while (_playBytes - start < PlayBatchBytes && subscription.TryReadTo(this))
                    {
                    }

                    await _output.FlushAsync(ct);
                }
                finally
                {
                    _outputLock.Release();
                }
            }

            await _outputLock.WaitAsync(ct);
            try
            {
                RtmpControlMessages.WriteUserControl(_chunkWriter, _output, RtmpControlMessages.StreamEof, _playStreamId);
                WriteStatus(_playStreamId, "status", RtmpCommandWriter.PlayUnpublishNotify, "The live stream ended.");
                _outputPending = false;
                await _output.FlushAsync(ct);
            }
            finally
            {
                _outputLock.Release();
            }

            Log.PlayEnded(_logger, _connectionId, _playBytes);
        }
        catch (OperationCanceledException) when (subscription.Closed.IsCancellationRequested)
        {
            Log.PlayerDropped(_logger, _connectionId, _playBytes);
            _connection.Abort();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
        }

        _playFinished = true;
        _input.CancelPendingRead();
    }

    /// <summary>One message of the played stream, fmt 0 with its absolute timestamp (§5.3.1.2.1).</summary>
    void IRtmpPlayWriter.Write(byte messageTypeId, uint timestampMs, ReadOnlySpan<byte> body)
    {
        uint chunkStreamId = messageTypeId switch
        {
            RtmpMessageType.Audio => AudioChunkStreamId,
            RtmpMessageType.Video => VideoChunkStreamId,
            _ => StatusChunkStreamId,
        };
        _chunkWriter.WriteMessage(_output, chunkStreamId, timestampMs, messageTypeId, _playStreamId, body);
        _playBytes += body.Length;
    }

    /// <summary>Stops the pump and releases the subscription; once, when the connection ends.</summary>
    private async ValueTask EndPlayAsync()
    {
        await _playStop.CancelAsync();
        if (_playTask is { } task)
        {
            await task.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        _playSubscription?.Dispose();
        _playSubscription = null;
        _playStop.Dispose();
    }
}
