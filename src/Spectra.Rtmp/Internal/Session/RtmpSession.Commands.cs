using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Commands;

namespace Spectra.Rtmp.Internal.Session;

internal sealed partial class RtmpSession
{
    // Chunk streams the server uses for what it sends: protocol control on 2 (§5.4), commands on 3, NetStream status on 5.
    private const uint CommandChunkStreamId = 3;
    private const uint StatusChunkStreamId = 5;

    private readonly List<uint> _createdStreams = [];
    private PendingAction _pending;
    private RtmpPublishRequest? _pendingRequest;
    private RtmpPlayRequest? _pendingPlay;
    private RtmpPublishResult? _pendingRejection;
    private uint _pendingStreamId;
    private bool _connected;
    private string _app = "";
    private string? _tcUrl;
    private uint _lastStreamId;
    private uint _publishStreamId;
    private bool _published;
    private bool _publishAccepted;
    private IRtmpMediaSink? _sink;

    private enum PendingAction
    {
        None,
        Publish,
        Unpublish,
        Play,
    }

    private void HandleCommand(in RtmpMessageHeader header, ReadOnlySpan<byte> payload)
    {
        var command = RtmpCommand.Parse(payload);
        if (!_connected && command.Name != "connect")
        {
            throw new RtmpProtocolException($"Command '{command.Name}' before connect (RTMP 1.0 §7.2.1.1)");
        }

        switch (command.Name)
        {
            case "connect":
                OnConnect(command);
                break;
            case "releaseStream":
                WriteResult(command.TransactionId);
                break;
            case "FCPublish":
                WriteCommand(CommandChunkStreamId, 0, output =>
                    RtmpCommandWriter.WriteOnFCPublish(output, RtmpCommandWriter.PublishStart, command.GetArgument(0) as string ?? ""));
                WriteResult(command.TransactionId);
                break;
            case "createStream":
                OnCreateStream(command);
                break;
            case "publish":
                OnPublish(header, command);
                break;
            case "play":
                OnPlay(header, command);
                break;
            case "getStreamLength":
                // Players ask before play; 0 is a live stream's length.
                WriteCommand(CommandChunkStreamId, 0, output => RtmpCommandWriter.Write(output, "_result", command.TransactionId, null, 0d));
                break;
            case "FCUnpublish":
            case "closeStream":
                WriteResult(command.TransactionId);
                RequestUnpublish();
                break;
            case "deleteStream":
                // §7.2.2.3: no response. The argument is the message stream id to delete.
                if (command.GetArgument(0) is double id && id == _publishStreamId)
                {
                    RequestUnpublish();
                }

                if (command.GetArgument(0) is double deleted)
                {
                    _createdStreams.Remove((uint)deleted);
                }

                break;
            default:
                Log.CommandIgnored(_logger, _connectionId, command.Name);
                break;
        }
    }

    /// <summary>
    /// §7.2.1.1: Window Acknowledgement Size, Set Peer Bandwidth, User Control StreamBegin(0), then _result with
    /// NetConnection.Connect.Success. A Set Chunk Size raises the server's outgoing chunk size first.
    /// </summary>
    private void OnConnect(RtmpCommand command)
    {
        if (_connected)
        {
            throw new RtmpProtocolException("Second connect on one connection (RTMP 1.0 §7.2.1.1)");
        }

        _connected = true;
        _app = command.GetString("app") ?? "";
        _tcUrl = command.GetString("tcUrl");
        Log.Connected(_logger, _connectionId, LoggedApp(_app), RtmpLogRedaction.TcUrl(_tcUrl, _options.Application), command.GetString("flashVer"));

        var window = (uint)_options.WindowAcknowledgementSize;
        RtmpControlMessages.WriteWindowAcknowledgementSize(_chunkWriter, _output, window);
        RtmpControlMessages.WriteSetPeerBandwidth(_chunkWriter, _output, window, RtmpControlMessages.LimitTypeDynamic);
        RtmpControlMessages.WriteSetChunkSize(_chunkWriter, _output, _options.OutgoingChunkSize);
        _chunkWriter.ChunkSize = _options.OutgoingChunkSize;
        RtmpControlMessages.WriteUserControl(_chunkWriter, _output, RtmpControlMessages.StreamBegin, 0);
        WriteCommand(CommandChunkStreamId, 0, output => RtmpCommandWriter.WriteConnectResult(output, command.TransactionId));
    }

    /// <summary>§7.2.1.3: the _result carries the new message stream id (1, 2, ...).</summary>
    private void OnCreateStream(RtmpCommand command)
    {
        if (_createdStreams.Count >= _options.MaxMessageStreams)
        {
            throw new RtmpProtocolException($"createStream would exceed the limit of {_options.MaxMessageStreams} message streams");
        }

        var id = ++_lastStreamId;
        _createdStreams.Add(id);
        WriteCommand(CommandChunkStreamId, 0, output => RtmpCommandWriter.Write(output, "_result", command.TransactionId, null, (double)id));
    }

    /// <summary>§7.2.2.6: publish(transaction 0, null, name, type) on the message stream returned by createStream.</summary>
    private void OnPublish(in RtmpMessageHeader header, RtmpCommand command)
    {
        if (!_createdStreams.Contains(header.MessageStreamId))
        {
            throw new RtmpProtocolException($"publish on message stream {header.MessageStreamId}, which createStream did not create (RTMP 1.0 §7.2.2.6)");
        }

        if (_published || _played)
        {
            throw new RtmpProtocolException(_played ? "publish on a playing connection" : "Second publish on one connection");
        }

        var publishName = command.GetArgument(0) as string ?? "";
        var (app, streamName) = RtmpStreamPath.Resolve(_app, publishName, _tcUrl);
        _published = true;
        _pendingStreamId = header.MessageStreamId;
        _pendingRequest = new RtmpPublishRequest(app, streamName, _tcUrl, _connection.RemoteEndPoint, _connectionId);
        _pendingRejection = null;
        if (!string.IsNullOrEmpty(_options.Application) && !string.Equals(app, _options.Application, StringComparison.OrdinalIgnoreCase))
        {
            _pendingRejection = RtmpPublishResult.Reject(RtmpPublishRejection.BadName, "unknown application");
        }
        else if (streamName.Length == 0)
        {
            _pendingRejection = RtmpPublishResult.Reject(RtmpPublishRejection.BadName, "missing stream key");
        }

        _pending = PendingAction.Publish;
    }

    private void RequestUnpublish()
    {
        if (_sink is not null)
        {
            _pending = PendingAction.Unpublish;
        }
    }

    /// <summary>@setDataFrame("onMetaData", metadata) as ffmpeg and OBS send it, or a plain onMetaData(metadata).</summary>
    private void HandleData(in RtmpMessageHeader header, ReadOnlySpan<byte> payload)
    {
        var reader = new Amf0Reader(payload);
        var name = reader.ReadString();
        if (name == "@setDataFrame" && !reader.End)
        {
            name = reader.ReadString();
        }

        if (name != "onMetaData" || reader.End)
        {
            Log.DataIgnored(_logger, _connectionId, name);
            return;
        }

        var start = reader.Position;
        if (reader.ReadValue() is not Dictionary<string, object?> metadata)
        {
            throw new Amf0Exception("onMetaData: expected an object or ECMA array", start);
        }

        if (_sink is not null && header.MessageStreamId == _publishStreamId)
        {
            _sink.OnMetadata(metadata);
        }
    }

    private async ValueTask RunPendingAsync()
    {
        var action = _pending;
        _pending = PendingAction.None;
        if (action == PendingAction.Publish)
        {
            await DecidePublishAsync();
        }
        else if (action == PendingAction.Play)
        {
            await DecidePlayAsync();
        }
        else if (action == PendingAction.Unpublish && _sink is not null)
        {
            WriteStatus(_publishStreamId, "status", RtmpCommandWriter.UnpublishSuccess, "Stream unpublished.");
            await FlushAsync();
            await EndPublishAsync(RtmpUnpublishReason.Unpublished);
        }
    }

    private async ValueTask DecidePublishAsync()
    {
        var request = _pendingRequest!;
        var streamId = _pendingStreamId;
        var result = _pendingRejection;
        _pendingRequest = null;
        _pendingRejection = null;
        if (result is null)
        {
            try
            {
                result = await _publishHandler.PublishAsync(request, _connection.ConnectionClosed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PublishHandlerFailed(_logger, _connectionId, LoggedApp(request.App), ex);
                result = RtmpPublishResult.Reject(RtmpPublishRejection.BadName, "publish check failed");
            }
        }

        if (result.IsAccepted)
        {
            _publishAccepted = true;
            _chunkReader.LiftPrePublishLimits();
            _sink = result.Sink;
            _publishStreamId = streamId;
            RtmpControlMessages.WriteUserControl(_chunkWriter, _output, RtmpControlMessages.StreamBegin, streamId);
            WriteStatus(streamId, "status", RtmpCommandWriter.PublishStart, $"{request.StreamName.Length}-character stream key is now published.");
            Log.PublishStarted(_logger, _connectionId, LoggedApp(request.App), request.RemoteEndPoint);
            return;
        }

        var description = result.Rejection == RtmpPublishRejection.AlreadyPublishing ? "already publishing" : result.Description;
        WriteStatus(streamId, "error", RtmpCommandWriter.PublishBadName, description);
        Log.PublishRejected(_logger, _connectionId, LoggedApp(request.App), result.Rejection, description);
        _closeAfterFlush = true;
    }

    /// <summary>Tells the sink the stream ended, exactly once.</summary>
    private async ValueTask EndPublishAsync(RtmpUnpublishReason reason)
    {
        var sink = _sink;
        if (sink is null)
        {
            return;
        }

        _sink = null;
        Log.Unpublished(_logger, _connectionId, reason);
        try
        {
            await sink.OnUnpublishAsync(reason);
        }
        catch (Exception ex)
        {
            Log.SinkFailed(_logger, _connectionId, ex);
        }
    }

    /// <summary>The app as it may be logged: it can hold the stream key (see <see cref="RtmpLogRedaction"/>).</summary>
    private string LoggedApp(string app) => RtmpLogRedaction.App(app, _options.Application);

    private void WriteStatus(uint messageStreamId, string level, string code, string description)
        => WriteCommand(StatusChunkStreamId, messageStreamId, output => RtmpCommandWriter.WriteOnStatus(output, level, code, description));

    private void WriteResult(double transactionId)
    {
        // Transaction id 0 means the client expects no reply (§7.2.1).
        if (transactionId != 0)
        {
            WriteCommand(CommandChunkStreamId, 0, output => RtmpCommandWriter.Write(output, "_result", transactionId, null, Amf0Undefined.Value));
        }
    }

    private void WriteCommand(uint chunkStreamId, uint messageStreamId, Action<System.Buffers.IBufferWriter<byte>> build)
    {
        _scratch.ResetWrittenCount();
        build(_scratch);
        WriteMessage(chunkStreamId, RtmpMessageType.CommandAmf0, messageStreamId, _scratch.WrittenSpan);
    }
}
