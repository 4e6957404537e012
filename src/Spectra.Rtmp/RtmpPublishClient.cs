using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Net.Sockets;
using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Client;
using Spectra.Rtmp.Internal.Handshake;

namespace Spectra.Rtmp;

/// <summary>
/// One outgoing RTMP publish (restreaming to another server): connects over TCP, or TLS for rtmps://, runs the
/// handshake and the publish commands, then carries media. The protocol lives in <c>RtmpPublishProtocol</c>; this
/// class only moves bytes.
/// </summary>
/// <remarks>
/// One writer at a time calls <see cref="WriteDataFrame"/>, <see cref="WriteMedia"/> and <see cref="FlushAsync"/>;
/// a background reader answers the server (acknowledgements, pings) and ends <see cref="Completion"/> when the
/// server closes or refuses. Writes go to memory; <see cref="FlushAsync"/> sends them.
/// </remarks>
public sealed class RtmpPublishClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly RtmpPublishProtocol _protocol;
    private readonly RtmpPublishClientOptions _options;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _closing = new();
    private ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private ArrayBufferWriter<byte> _sending = new(64 * 1024);
    private Task _readLoop = Task.CompletedTask;
    private long _bytesSent;
    private int _disposed;

    private RtmpPublishClient(Stream stream, RtmpPublishProtocol protocol, RtmpPublishClientOptions options)
    {
        _stream = stream;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _protocol = protocol;
        _options = options;
    }

    /// <summary>Ends when the server closes the connection; faulted with <see cref="RtmpPublishException"/> when it refuses or breaks.</summary>
    public Task Completion => _readLoop;

    /// <summary>Bytes sent since the handshake began.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Bytes written and not yet flushed.</summary>
    public int BufferedBytes
    {
        get
        {
            lock (_lock)
            {
                return _pending.WrittenCount;
            }
        }
    }

    /// <summary>Connects and publishes; returns once the server answered NetStream.Publish.Start.</summary>
    /// <exception cref="RtmpPublishException">Refused, timed out, or the connection failed; the message says which.</exception>
    public static async Task<RtmpPublishClient> ConnectAsync(RtmpPublishTarget target, RtmpPublishClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        Stream? stream = null;
        RtmpPublishClient? client = null;
        try
        {
            stream = await OpenStreamAsync(target, options, timeout.Token).ConfigureAwait(false);
            await HandshakeAsync(stream, timeout.Token).ConfigureAwait(false);
            client = new RtmpPublishClient(stream, new RtmpPublishProtocol(target.App, target.TcUrl, target.StreamKey), options);
            await client.StartPublishAsync(timeout.Token).ConfigureAwait(false);
            client._readLoop = Task.Run(client.ReadLoopAsync, CancellationToken.None);
            return client;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await CloseAsync(client, stream).ConfigureAwait(false);
            throw new RtmpPublishException($"{target} did not accept the publish within {options.ConnectTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException or RtmpProtocolException or Amf0Exception)
        {
            await CloseAsync(client, stream).ConfigureAwait(false);
            throw new RtmpPublishException($"{target}: {ex.Message}", ex);
        }
        catch
        {
            await CloseAsync(client, stream).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Buffers @setDataFrame with an FLV SCRIPTDATA body ("onMetaData" and its ECMA array).</summary>
    public void WriteDataFrame(ReadOnlySpan<byte> scriptDataBody)
    {
        lock (_lock)
        {
            _protocol.WriteDataFrame(_pending, scriptDataBody);
        }
    }

    /// <summary>Buffers one audio or video message: an FLV AUDIODATA/VIDEODATA body, its timestamp in ms.</summary>
    public void WriteMedia(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        lock (_lock)
        {
            _protocol.WriteMedia(_pending, type, timestampMs, body);
        }
    }

    /// <summary>Sends what is buffered; throws <see cref="RtmpPublishException"/> when the server takes nothing for <see cref="RtmpPublishClientOptions.WriteTimeout"/>.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        ArrayBufferWriter<byte> sending;
        lock (_lock)
        {
            if (_pending.WrittenCount == 0)
            {
                return;
            }

            sending = _pending;
            _pending = _sending;
            _sending = sending;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        timeout.CancelAfter(_options.WriteTimeout);
        try
        {
            await _stream.WriteAsync(sending.WrittenMemory, timeout.Token).ConfigureAwait(false);
            await _stream.FlushAsync(timeout.Token).ConfigureAwait(false);
            Interlocked.Add(ref _bytesSent, sending.WrittenCount);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_closing.IsCancellationRequested)
        {
            throw new RtmpPublishException($"The server took no data for {_options.WriteTimeout.TotalSeconds:0.#} s");
        }
        catch (IOException ex)
        {
            throw new RtmpPublishException($"The connection broke: {ex.Message}", ex);
        }
        finally
        {
            sending.ResetWrittenCount();
        }
    }

    /// <summary>Sends FCUnpublish and deleteStream (best effort, briefly) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            lock (_lock)
            {
                _protocol.WriteUnpublish(_pending);
            }

            using var polite = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await FlushAsync(polite.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Closing anyway: a failed goodbye changes nothing.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The read loop's end is reported through Completion.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await _input.CompleteAsync().ConfigureAwait(false);
        _protocol.Dispose();
        _closing.Dispose();
    }

    private static async Task<Stream> OpenStreamAsync(RtmpPublishTarget target, RtmpPublishClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target.Host, target.Port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var network = new NetworkStream(socket, ownsSocket: true);
        if (!target.IsSecure)
        {
            return network;
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            var authentication = new SslClientAuthenticationOptions { TargetHost = target.Host };
            if (options.AllowUntrustedCertificates)
            {
                authentication.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
            }

            await tls.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task HandshakeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var request = new byte[RtmpHandshake.RequestLength];
        RtmpClientHandshake.WriteRequest(request, (uint)Environment.TickCount);
        await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

        var response = new byte[RtmpHandshake.ResponseLength];
        await stream.ReadExactlyAsync(response, cancellationToken).ConfigureAwait(false);
        var acknowledgement = new byte[RtmpHandshake.PacketLength];
        RtmpClientHandshake.WriteAcknowledgement(response, acknowledgement);
        await stream.WriteAsync(acknowledgement, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CloseAsync(RtmpPublishClient? client, Stream? stream)
    {
        if (client is not null)
        {
            await client._input.CompleteAsync().ConfigureAwait(false);
            client._protocol.Dispose();
            client._closing.Dispose();
        }

        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartPublishAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _protocol.Start(_pending, _options.ChunkSize, _options.FlashVersion);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        while (_protocol.State != RtmpPublishState.Publishing)
        {
            if (!await ReceiveAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new RtmpPublishException("The server closed the connection before the publish started");
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads once and handles the complete messages; false when the server has closed.</summary>
    private async ValueTask<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
        var buffer = result.Buffer;
        var reader = new SequenceReader<byte>(buffer);
        lock (_lock)
        {
            _protocol.Process(ref reader, _pending);
        }

        _input.AdvanceTo(reader.Position, buffer.End);
        return !result.IsCompleted;
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            // Replies (acknowledgements, ping responses) leave with the next media flush.
            while (await ReceiveAsync(_closing.Token).ConfigureAwait(false))
            {
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException && _closing.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is IOException or RtmpProtocolException or Amf0Exception)
        {
            throw new RtmpPublishException($"The connection broke: {ex.Message}", ex);
        }

        if (!_closing.IsCancellationRequested)
        {
            throw new RtmpPublishException("The server closed the connection");
        }
    }
}
