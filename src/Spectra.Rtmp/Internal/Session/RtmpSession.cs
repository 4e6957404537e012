using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Chunks;

namespace Spectra.Rtmp.Internal.Session;

/// <summary>
/// One RTMP connection, from handshake to close. Runs on the connection's own task; the protocol work is done by the
/// pure codecs (<see cref="RtmpChunkReader"/>, <see cref="Amf0Reader"/>, handshake), this type only sequences I/O,
/// timeouts and the publish decision. Partial files: Handshake, Chunks (message loop, control messages, media),
/// Commands (NetConnection/NetStream commands), Log.
/// </summary>
internal sealed partial class RtmpSession
{
    private readonly ConnectionContext _connection;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly RtmpOptions _options;
    private readonly IRtmpPublishHandler _publishHandler;
    private readonly ILogger _logger;
    private readonly string _connectionId;
    private readonly RtmpChunkReader _chunkReader;
    private readonly RtmpChunkWriter _chunkWriter = new();
    private readonly ArrayBufferWriter<byte> _scratch = new(512);
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationToken _closeRequested;

    private bool _handshakeDone;
    private bool _outputPending;
    private bool _closeAfterFlush;

    public RtmpSession(ConnectionContext connection, RtmpOptions options, IRtmpPublishHandler publishHandler, ILogger logger)
    {
        _connection = connection;
        _input = connection.Transport.Input;
        _output = connection.Transport.Output;
        _options = options;
        _publishHandler = publishHandler;
        _logger = logger;
        _connectionId = connection.ConnectionId;

        // Partial messages may hold at most two maximal messages in total (for example a large video frame
        // interleaved with audio); the limit is on bytes actually received, not on declared lengths.
        _chunkReader = new RtmpChunkReader(options.MaxMessageSize, options.MaxChunkStreams, 2L * options.MaxMessageSize);
        _ackWindow = (uint)options.WindowAcknowledgementSize;
        // Kestrel asks connections to close on shutdown through this feature; a live publisher then ends at once
        // instead of holding the shutdown until the transport is aborted.
        _closeRequested = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;
        _timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, _closeRequested);
    }

    public async Task RunAsync()
    {
        Log.ConnectionAccepted(_logger, _connectionId, _connection.RemoteEndPoint);
        var endReason = RtmpUnpublishReason.ConnectionClosed;
        try
        {
            if (await HandshakeAsync())
            {
                await ReceiveLoopAsync();
            }
        }
        catch (RtmpProtocolException ex)
        {
            Log.ProtocolError(_logger, _connectionId, ex.Message);
            endReason = RtmpUnpublishReason.ProtocolError;
        }
        catch (Amf0Exception ex)
        {
            Log.MalformedAmf(_logger, _connectionId, ex.Message);
            endReason = RtmpUnpublishReason.ProtocolError;
        }
        catch (OperationCanceledException) when (_closeRequested.IsCancellationRequested)
        {
            Log.ServerClosing(_logger, _connectionId);
        }
        catch (OperationCanceledException) when (_timeout.IsCancellationRequested && !_connection.ConnectionClosed.IsCancellationRequested)
        {
            if (_handshakeDone)
            {
                Log.IdleTimeout(_logger, _connectionId, _options.IdleTimeout.TotalSeconds);
                endReason = RtmpUnpublishReason.Timeout;
            }
            else
            {
                Log.HandshakeTimeout(_logger, _connectionId, _options.HandshakeTimeout.TotalSeconds);
            }
        }
        catch (OperationCanceledException)
        {
            Log.ConnectionAborted(_logger, _connectionId);
        }
        catch (Exception ex) when (ex is ConnectionResetException or IOException or ConnectionAbortedException)
        {
            Log.ConnectionReset(_logger, _connectionId, ex.Message);
        }
        catch (Exception ex)
        {
            Log.UnexpectedError(_logger, _connectionId, ex);
        }
        finally
        {
            await EndPublishAsync(endReason);
            _chunkReader.Dispose();
            _timeout.Dispose();
            await _input.CompleteAsync();
            await _output.CompleteAsync();
            Log.ConnectionClosed(_logger, _connectionId, _bytesReceived);
        }
    }

    /// <summary>Chunks a message into the output; flushed once per receive batch.</summary>
    private void WriteMessage(uint chunkStreamId, byte typeId, uint messageStreamId, ReadOnlySpan<byte> payload)
    {
        _chunkWriter.WriteMessage(_output, chunkStreamId, 0, typeId, messageStreamId, payload);
        _outputPending = true;
    }

    private async ValueTask FlushAsync()
    {
        if (_outputPending)
        {
            _outputPending = false;
            await _output.FlushAsync(_timeout.Token);
        }
    }
}
