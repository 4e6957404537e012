using System.Buffers;
using Spectra.Rtmp.Internal.Amf;

namespace Spectra.Rtmp.Internal.Client;

/// <summary>
/// AMF0 command payloads a publishing client sends (RTMP 1.0 §7.2.1.1 connect, §7.2.1.3 createStream, §7.2.2.6 publish,
/// and the FMS-style releaseStream/FCPublish/FCUnpublish that Twitch, YouTube and nginx-rtmp expect from encoders).
/// </summary>
internal static class RtmpPublishCommands
{
    /// <summary>
    /// connect(transaction 1, {app, type: "nonprivate", flashVer, tcUrl}): what OBS and ffmpeg send when publishing.
    /// </summary>
    public static void WriteConnect(IBufferWriter<byte> output, double transactionId, string app, string tcUrl, string flashVersion)
    {
        Amf0Writer.WriteString(output, "connect");
        Amf0Writer.WriteNumber(output, transactionId);
        Amf0Writer.WriteObjectStart(output);
        Amf0Writer.WriteProperty(output, "app", app);
        Amf0Writer.WriteProperty(output, "type", "nonprivate");
        Amf0Writer.WriteProperty(output, "flashVer", flashVersion);
        Amf0Writer.WriteProperty(output, "tcUrl", tcUrl);
        Amf0Writer.WriteObjectEnd(output);
    }

    /// <summary>A command with a null command object and one string argument: releaseStream, FCPublish, FCUnpublish.</summary>
    public static void WriteStreamNameCommand(IBufferWriter<byte> output, string name, double transactionId, string streamName)
    {
        Amf0Writer.WriteString(output, name);
        Amf0Writer.WriteNumber(output, transactionId);
        Amf0Writer.WriteNull(output);
        Amf0Writer.WriteString(output, streamName);
    }

    /// <summary>createStream(transaction, null) (§7.2.1.3).</summary>
    public static void WriteCreateStream(IBufferWriter<byte> output, double transactionId)
    {
        Amf0Writer.WriteString(output, "createStream");
        Amf0Writer.WriteNumber(output, transactionId);
        Amf0Writer.WriteNull(output);
    }

    /// <summary>publish(0, null, name, "live") (§7.2.2.6), sent on the message stream createStream returned.</summary>
    public static void WritePublish(IBufferWriter<byte> output, string streamName)
    {
        Amf0Writer.WriteString(output, "publish");
        Amf0Writer.WriteNumber(output, 0);
        Amf0Writer.WriteNull(output);
        Amf0Writer.WriteString(output, streamName);
        Amf0Writer.WriteString(output, "live");
    }

    /// <summary>deleteStream(0, null, stream id) (§7.2.2.3).</summary>
    public static void WriteDeleteStream(IBufferWriter<byte> output, uint messageStreamId)
    {
        Amf0Writer.WriteString(output, "deleteStream");
        Amf0Writer.WriteNumber(output, 0);
        Amf0Writer.WriteNull(output);
        Amf0Writer.WriteNumber(output, messageStreamId);
    }

    /// <summary>
    /// The data message that sets the stream's metadata on the server: the string "@setDataFrame" followed by an FLV
    /// SCRIPTDATA body ("onMetaData" and its ECMA array), which the server keeps and hands to every player.
    /// </summary>
    public static void WriteSetDataFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> scriptDataBody)
    {
        Amf0Writer.WriteString(output, "@setDataFrame");
        output.Write(scriptDataBody);
    }
}
