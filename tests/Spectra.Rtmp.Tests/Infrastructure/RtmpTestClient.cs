using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Commands;
using Spectra.Rtmp.Internal.Handshake;

namespace Spectra.Rtmp.Tests.Infrastructure;

/// <summary>
/// A raw-socket RTMP client built from the codecs, for precise protocol tests: it can speak correctly step by step or
/// send arbitrary bytes, and it decodes whatever the server answers.
/// </summary>
internal sealed class RtmpTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly RtmpChunkReader _reader = new(RtmpOptions.ProtocolMaxMessageSize, 64, 64L * 1024 * 1024);
    private readonly RtmpChunkWriter _writer = new();
    private byte[] _receive = new byte[64 * 1024];
    private int _received;

    private RtmpTestClient(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>Chunk size of what the client sends; announce it with Set Chunk Size first.</summary>
    public int OutgoingChunkSize
    {
        get => _writer.ChunkSize;
        set => _writer.ChunkSize = value;
    }

    public record struct Received(RtmpMessageHeader Header, byte[] Payload, RtmpCommand? Command);

    public static async Task<RtmpTestClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new RtmpTestClient(socket);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> data)
    {
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await _socket.SendAsync(data, SocketFlags.None, cts.Token);
    }

    /// <summary>Plain handshake (zero version): C0+C1, read S0+S1+S2, C2 = S1 echo.</summary>
    public async Task<byte[]> HandshakeAsync(byte[]? c1 = null)
    {
        var request = new byte[RtmpHandshake.RequestLength];
        request[0] = RtmpHandshake.Version;
        if (c1 is null)
        {
            Random.Shared.NextBytes(request.AsSpan(9));
        }
        else
        {
            c1.CopyTo(request, 1);
        }

        await SendAsync(request);
        var response = await ReadExactlyAsync(RtmpHandshake.ResponseLength);
        await SendAsync(response.AsMemory(1, RtmpHandshake.PacketLength));
        return response;
    }

    public async Task SendMessageAsync(uint chunkStreamId, byte typeId, uint messageStreamId, ReadOnlyMemory<byte> payload, uint timestamp = 0)
    {
        var output = new ArrayBufferWriter<byte>();
        _writer.WriteMessage(output, chunkStreamId, timestamp, typeId, messageStreamId, payload.Span);
        await SendAsync(output.WrittenMemory);
    }

    /// <summary>
    /// Sends the fmt 0 chunk and the following chunks of a <paramref name="declaredLength"/>-byte message, but only
    /// <paramref name="chunks"/> of them: the message stays incomplete and the stream stays at a chunk boundary.
    /// </summary>
    public async Task SendIncompleteMessageAsync(uint chunkStreamId, byte typeId, uint messageStreamId, int declaredLength, int chunks)
    {
        var output = new ArrayBufferWriter<byte>();
        _writer.WriteMessage(output, chunkStreamId, 0, typeId, messageStreamId, new byte[declaredLength]);
        var size = OutgoingChunkSize;
        var length = 12 + size + ((chunks - 1) * (1 + size));
        if (chunkStreamId > 63 || length >= output.WrittenCount)
        {
            throw new ArgumentOutOfRangeException(nameof(chunks), "The prefix must end inside the message, with one-byte basic headers.");
        }

        await SendAsync(output.WrittenMemory[..length]);
    }

    /// <summary>
    /// Sends a PingRequest and waits for its PingResponse, so the server has handled everything sent before. False when
    /// the server closed the connection instead (other messages in between are discarded).
    /// </summary>
    public async Task<bool> PingAsync(TimeSpan? timeout = null)
    {
        try
        {
            await SendMessageAsync(2, RtmpMessageType.UserControl, 0, new byte[] { 0x00, 0x06, 0x00, 0x00, 0x00, 0x01 });
        }
        catch (SocketException)
        {
            return false;
        }

        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (await ReadMessageAsync(cts.Token) is { } message)
        {
            if (message.Header.TypeId == RtmpMessageType.UserControl && message.Payload is [0x00, 0x07, ..])
            {
                return true;
            }
        }

        return false;
    }

    public Task SendCommandAsync(uint messageStreamId, string name, double transactionId, object? commandObject, params object?[] arguments)
    {
        var output = new ArrayBufferWriter<byte>();
        Amf0Writer.WriteString(output, name);
        Amf0Writer.WriteNumber(output, transactionId);
        Amf0Writer.WriteValue(output, commandObject);
        foreach (var argument in arguments)
        {
            Amf0Writer.WriteValue(output, argument);
        }

        return SendMessageAsync(3, RtmpMessageType.CommandAmf0, messageStreamId, output.WrittenMemory);
    }

    public Task SendConnectAsync(string app = "live", string? tcUrl = null)
        => SendCommandAsync(0, "connect", 1, new Dictionary<string, object?>
        {
            ["app"] = app,
            ["type"] = "nonprivate",
            ["flashVer"] = "FMLE/3.0 (compatible; SpectraTest)",
            ["tcUrl"] = tcUrl ?? $"rtmp://127.0.0.1/{app}",
        });

    /// <summary>connect, createStream, publish; returns the stream id and the server's onStatus for publish.</summary>
    public async Task<(uint StreamId, RtmpCommand Status)> PublishAsync(string streamName, string app = "live", string? tcUrl = null, bool handshake = true)
    {
        if (handshake)
        {
            await HandshakeAsync();
        }

        await SendConnectAsync(app, tcUrl);
        await WaitForCommandAsync(c => c.Name == "_result" && c.TransactionId == 1);
        await SendCommandAsync(0, "createStream", 2, null);
        var created = await WaitForCommandAsync(c => c.Name == "_result" && c.TransactionId == 2);
        var streamId = (uint)(double)created.GetArgument(0)!;
        await SendCommandAsync(streamId, "publish", 0, null, streamName, "live");
        var status = await WaitForCommandAsync(c => c.Name == "onStatus");
        return (streamId, status);
    }

    public async Task<RtmpCommand> WaitForCommandAsync(Func<RtmpCommand, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var message = await ReadMessageAsync(cts.Token) ?? throw new InvalidOperationException("Connection closed while waiting for a command");
            if (message.Command is { } command && predicate(command))
            {
                return command;
            }
        }
    }

    /// <summary>Reads the next message, or null when the server closed the connection.</summary>
    public async Task<Received?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var sequence = new ReadOnlySequence<byte>(_receive, 0, _received);
            var reader = new SequenceReader<byte>(sequence);
            if (_reader.TryReadMessage(ref reader, out var message))
            {
                var received = new Received(message.Header, message.Payload.ToArray(), null);
                Compact((int)reader.Consumed);
                if (received.Header.TypeId == RtmpMessageType.SetChunkSize)
                {
                    _reader.SetChunkSize(RtmpControlMessages.ReadUInt32(received.Payload, "Set Chunk Size"));
                }

                return received.Header.TypeId == RtmpMessageType.CommandAmf0
                    ? received with { Command = RtmpCommand.Parse(received.Payload) }
                    : received;
            }

            Compact((int)reader.Consumed);
            if (await ReceiveAsync(cancellationToken) == 0)
            {
                return null;
            }
        }
    }

    /// <summary>True when the server closes the connection (EOF or reset) within the timeout; data is discarded.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            var buffer = new byte[16 * 1024];
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        _socket.Dispose();
        _reader.Dispose();
    }

    private async Task<byte[]> ReadExactlyAsync(int length)
    {
        using var cts = new CancellationTokenSource(DefaultTimeout);
        while (_received < length)
        {
            if (await ReceiveAsync(cts.Token) == 0)
            {
                throw new InvalidOperationException($"Connection closed after {_received} of {length} bytes");
            }
        }

        var data = _receive.AsSpan(0, length).ToArray();
        Compact(length);
        return data;
    }

    private async Task<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_received == _receive.Length)
        {
            Array.Resize(ref _receive, _receive.Length * 2);
        }

        try
        {
            var count = await _socket.ReceiveAsync(_receive.AsMemory(_received), SocketFlags.None, cancellationToken);
            _received += count;
            return count;
        }
        catch (SocketException)
        {
            return 0;
        }
    }

    private void Compact(int consumed)
    {
        _receive.AsSpan(consumed, _received - consumed).CopyTo(_receive);
        _received -= consumed;
    }
}
