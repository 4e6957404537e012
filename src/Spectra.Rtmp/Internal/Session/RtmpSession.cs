using System.Buffers;
using System.IO.Pipelines;
using System.Numerics;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Chunks;

namespace Spectra.Rtmp.Internal.Session;

/// <summary>
/// One RTMP connection, from handshake to close. Runs on the connection's own task; the protocol work is done by the
/// pure codecs (<see cref="RtmpChunkReader"/>, <see cref="Amf0Reader"/>, handshake), this type only sequences I/O,
/// timeouts and the publish and play decisions. Partial files: Handshake, Chunks (message loop, control messages, media),
/// Commands (NetConnection/NetStream commands), Play (a player's pump), Log.
/// </summary>
internal sealed partial class RtmpSession
{
    private readonly ConnectionContext _connection;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly RtmpOptions _options;
    private readonly IRtmpPublishHandler _publishHandler;
    private readonly IRtmpPlayHandler? _playHandler;
    private readonly RtmpConnectionRegistry _registry;
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

    public RtmpSession(ConnectionContext connection, RtmpOptions options, IRtmpPublishHandler publishHandler, IRtmpPlayHandler? playHandler, RtmpConnectionRegistry registry, ILogger logger)
    {
        _playHandler = playHandler;
        _connection = connection;
        _input = connection.Transport.Input;
        _output = connection.Transport.Output;
        _options = options;
        _publishHandler = publishHandler;
        _registry = registry;
        _logger = logger;
        _connectionId = connection.ConnectionId;

        // Until a publish is accepted the peer is unknown: small messages only, and little buffer memory.
        _chunkReader = new RtmpChunkReader(options.MaxMessageSize, options.MaxChunkStreams, HeldBytesLimit(options.MaxMessageSize));
        _chunkReader.SetPrePublishLimits(options.PrePublishMaxMessageSize, HeldBytesLimit(options.PrePublishMaxMessageSize));
        _ackWindow = (uint)options.WindowAcknowledgementSize;
        // Kestrel asks connections to close on shutdown through this feature; a live publisher then ends at once
        // instead of holding the shutdown until the transport is aborted.
        _closeRequested = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;
        _timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, _closeRequested);
    }

    public async Task RunAsync()
    {
        Log.ConnectionAccepted(_logger, _connectionId, _connection.RemoteEndPoint);
        var address = RtmpConnectionRegistry.AddressKey(_connection.RemoteEndPoint);
        if (!Admit(address))
        {
            _chunkReader.Dispose();
            _timeout.Dispose();
            await _input.CompleteAsync();
            await _output.CompleteAsync();
            return;
        }

        var endReason = RtmpUnpublishReason.ConnectionClosed;
        try
        {
            if (await HandshakeAsync())
            {
                await ReceiveLoopAsync();
            }
        }
        catch (RtmpPrePublishLimitException ex)
        {
            Log.PrePublishLimit(_logger, _connectionId, ex.Message);
            endReason = RtmpUnpublishReason.ProtocolError;
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
            await EndPlayAsync();
            _chunkReader.Dispose();
            ReportHeldBytes();
            _registry.Close(address);
            _timeout.Dispose();
            _outputLock.Dispose();
            await _input.CompleteAsync();
            await _output.CompleteAsync();
            Log.ConnectionClosed(_logger, _connectionId, _bytesReceived);
        }
    }

    /// <summary>
    /// Buffer bytes one connection may hold for incomplete messages: two maximal messages at once (for example a large
    /// video frame interleaved with audio). Counted as pooled capacity, which is a power of two, and growing with the
    /// bytes actually received, never with declared lengths alone.
    /// </summary>
    internal static long HeldBytesLimit(int maxMessageSize) => 2L * BitOperations.RoundUpToPowerOf2((uint)maxMessageSize);

    /// <summary>Counts this connection in the server's limits, or logs why it is refused (then nothing else happens on it).</summary>
    private bool Admit(System.Net.IPAddress? address)
    {
        switch (_registry.TryOpen(address, out var open))
        {
            case RtmpConnectionRegistry.Refusal.PerAddress:
                Log.ConnectionsPerAddressLimit(_logger, _connectionId, _connection.RemoteEndPoint, open, _options.MaxConnectionsPerAddress);
                return false;
            case RtmpConnectionRegistry.Refusal.Total:
                Log.ConnectionsLimit(_logger, _connectionId, _connection.RemoteEndPoint, open, _options.MaxConnections);
                return false;
            default:
                return true;
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
