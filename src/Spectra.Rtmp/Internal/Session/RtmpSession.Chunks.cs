using System.Buffers;
using System.Buffers.Binary;
using Spectra.Rtmp.Internal.Chunks;

namespace Spectra.Rtmp.Internal.Session;

internal sealed partial class RtmpSession
{
    private long _bytesReceived;
    private long _lastAcknowledged;
    private long _reportedHeldBytes;
    private uint _ackWindow;
    private bool _strayMediaLogged;

    /// <summary>
    /// Reads chunks until the peer closes or the session decides to close. Messages are handled synchronously while
    /// the buffer is in hand; the few that need an await (publish decision, unpublish) stop the batch, the consumed
    /// position is committed, and the batch continues after the await.
    /// </summary>
    private async ValueTask ReceiveLoopAsync()
    {
        while (true)
        {
            if (!IsPlaying)
            {
                _timeout.CancelAfter(_options.IdleTimeout);
            }

            var result = await _input.ReadAsync(_timeout.Token);
            if (result.IsCanceled && _playFinished)
            {
                return; // the played stream ended
            }

            var buffer = result.Buffer;
            // A player's pump writes the output too (RtmpSession.Play.cs).
            await _outputLock.WaitAsync(_timeout.Token);
            bool stopped;
            try
            {
                var consumed = ProcessMessages(buffer);
                stopped = _pending != PendingAction.None;
                _input.AdvanceTo(consumed, stopped ? consumed : buffer.End);
                if (stopped)
                {
                    await RunPendingAsync();
                }

                await FlushAsync();
            }
            finally
            {
                _outputLock.Release();
            }

            if (_closeAfterFlush)
            {
                return;
            }

            if (result.IsCompleted && !stopped)
            {
                Log.PeerClosed(_logger, _connectionId);
                return;
            }
        }
    }

    private SequencePosition ProcessMessages(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var batchStart = _bytesReceived;
        while (_pending == PendingAction.None && _chunkReader.TryReadMessage(ref reader, out var message))
        {
            HandleMessage(message);
            _bytesReceived = batchStart + reader.Consumed;
            AcknowledgeIfDue();
        }

        _bytesReceived = batchStart + reader.Consumed;
        AcknowledgeIfDue();
        ReportHeldBytes();
        return reader.Position;
    }

    /// <summary>Brings the server-wide buffer total up to date with this connection's reader; once per receive batch.</summary>
    private void ReportHeldBytes()
    {
        var held = _chunkReader.HeldBytes;
        if (held != _reportedHeldBytes)
        {
            _registry.AddHeldBytes(held - _reportedHeldBytes);
            _reportedHeldBytes = held;
        }
    }

    private void HandleMessage(in RtmpMessage message)
    {
        var payload = message.Payload;
        switch (message.Header.TypeId)
        {
            case RtmpMessageType.Audio:
            case RtmpMessageType.Video:
                DeliverMedia(message.Header, payload);
                break;
            case RtmpMessageType.SetChunkSize:
            {
                var size = RtmpControlMessages.ReadUInt32(payload, "Set Chunk Size");
                _chunkReader.SetChunkSize(size);
                Log.PeerChunkSize(_logger, _connectionId, size);
                break;
            }

            case RtmpMessageType.Abort:
                _chunkReader.Abort(RtmpControlMessages.ReadUInt32(payload, "Abort"));
                break;
            case RtmpMessageType.Acknowledgement:
                _ = RtmpControlMessages.ReadUInt32(payload, "Acknowledgement");
                break;
            case RtmpMessageType.WindowAcknowledgementSize:
            {
                var window = RtmpControlMessages.ReadUInt32(payload, "Window Acknowledgement Size");
                if (window == 0)
                {
                    throw new RtmpProtocolException("Window Acknowledgement Size 0 (RTMP 1.0 §5.4.4)");
                }

                _ackWindow = window;
                break;
            }

            case RtmpMessageType.SetPeerBandwidth:
                // §5.4.5 limits what this side sends; the server sends only replies, so the value is not used.
                break;
            case RtmpMessageType.UserControl:
                HandleUserControl(payload);
                break;
            case RtmpMessageType.DataAmf0:
                HandleData(message.Header, payload);
                break;
            case RtmpMessageType.CommandAmf0:
                HandleCommand(message.Header, payload);
                break;
            case RtmpMessageType.CommandAmf3:
                // §7.1.1: an AMF3 command message starts with a format byte; 0 means the rest is AMF0.
                if (payload.Length > 0 && payload[0] == 0)
                {
                    HandleCommand(message.Header, payload[1..]);
                }
                else
                {
                    Log.MessageIgnored(_logger, _connectionId, message.Header.TypeId);
                }

                break;
            default:
                Log.MessageIgnored(_logger, _connectionId, message.Header.TypeId);
                break;
        }
    }

    /// <summary>Media before an accepted publish ends the connection; after it, media of other message streams is dropped.</summary>
    private void DeliverMedia(in RtmpMessageHeader header, ReadOnlySpan<byte> payload)
    {
        if (!_publishAccepted)
        {
            throw new RtmpPrePublishLimitException(
                $"{(header.TypeId == RtmpMessageType.Audio ? "Audio" : "Video")} message on message stream {header.MessageStreamId} before a publish was accepted");
        }

        if (_sink is not null && header.MessageStreamId == _publishStreamId)
        {
            _sink.OnMediaMessage((RtmpMediaType)header.TypeId, header.Timestamp, payload);
        }
        else if (!_strayMediaLogged)
        {
            _strayMediaLogged = true;
            Log.MediaWithoutPublish(_logger, _connectionId, header.MessageStreamId);
        }
    }

    // §7.1.7: event type (U16) | event data
    private void HandleUserControl(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            throw new RtmpProtocolException($"User Control message has {payload.Length} bytes, expected at least 2 (RTMP 1.0 §7.1.7)");
        }

        var eventType = BinaryPrimitives.ReadUInt16BigEndian(payload);
        if (eventType == RtmpControlMessages.PingRequest)
        {
            if (payload.Length < 6)
            {
                throw new RtmpProtocolException($"PingRequest has {payload.Length} bytes, expected 6 (RTMP 1.0 §7.1.7)");
            }

            RtmpControlMessages.WriteUserControl(_chunkWriter, _output, RtmpControlMessages.PingResponse, BinaryPrimitives.ReadUInt32BigEndian(payload[2..]));
            _outputPending = true;
        }
    }

    /// <summary>
    /// §5.4.3: acknowledge after every window of received bytes; the sequence number is the byte count mod 2^32.
    /// Checked after each message and at the end of each read, so a window is acknowledged at the next message boundary.
    /// </summary>
    private void AcknowledgeIfDue()
    {
        if (_bytesReceived - _lastAcknowledged >= _ackWindow)
        {
            _lastAcknowledged = _bytesReceived;
            RtmpControlMessages.WriteAcknowledgement(_chunkWriter, _output, unchecked((uint)_bytesReceived));
            _outputPending = true;
        }
    }
}
