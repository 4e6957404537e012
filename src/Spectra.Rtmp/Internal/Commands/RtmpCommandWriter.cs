using System.Buffers;
using Spectra.Rtmp.Internal.Amf;

namespace Spectra.Rtmp.Internal.Commands;

/// <summary>Builds AMF0 command payloads the server sends (RTMP 1.0 §7.2.1, §7.2.2).</summary>
internal static class RtmpCommandWriter
{
    public const string ConnectSuccess = "NetConnection.Connect.Success";
    public const string PublishStart = "NetStream.Publish.Start";
    public const string PublishBadName = "NetStream.Publish.BadName";
    public const string UnpublishSuccess = "NetStream.Unpublish.Success";
    public const string PlayReset = "NetStream.Play.Reset";
    public const string PlayStart = "NetStream.Play.Start";
    public const string PlayStreamNotFound = "NetStream.Play.StreamNotFound";
    public const string PlayUnpublishNotify = "NetStream.Play.UnpublishNotify";

    /// <summary>Writes a command: name, transaction id, command object (or null), optional info value.</summary>
    public static void Write(IBufferWriter<byte> output, string name, double transactionId, object? commandObject, object? info)
    {
        Amf0Writer.WriteString(output, name);
        Amf0Writer.WriteNumber(output, transactionId);
        Amf0Writer.WriteValue(output, commandObject);
        if (info is not null)
        {
            Amf0Writer.WriteValue(output, info);
        }
    }

    /// <summary>
    /// The connect reply (§7.2.1.1): <c>_result</c>, the transaction id, server properties, and an information object
    /// with level, code NetConnection.Connect.Success, description and objectEncoding 0 (AMF0).
    /// </summary>
    public static void WriteConnectResult(IBufferWriter<byte> output, double transactionId)
    {
        Amf0Writer.WriteString(output, "_result");
        Amf0Writer.WriteNumber(output, transactionId);
        Amf0Writer.WriteObjectStart(output);
        Amf0Writer.WriteProperty(output, "fmsVer", "FMS/3,0,1,123");
        Amf0Writer.WriteProperty(output, "capabilities", 31d);
        Amf0Writer.WriteObjectEnd(output);
        Amf0Writer.WriteObjectStart(output);
        Amf0Writer.WriteProperty(output, "level", "status");
        Amf0Writer.WriteProperty(output, "code", ConnectSuccess);
        Amf0Writer.WriteProperty(output, "description", "Connection succeeded.");
        Amf0Writer.WriteProperty(output, "objectEncoding", 0d);
        Amf0Writer.WriteObjectEnd(output);
    }

    /// <summary>An onStatus command (§7.2.2): transaction id 0, null command object, info object {level, code, description}.</summary>
    public static void WriteOnStatus(IBufferWriter<byte> output, string level, string code, string description)
        => WriteStatusCommand(output, "onStatus", level, code, description);

    /// <summary>onFCPublish, the reply to FCPublish that FMS-style clients expect (not in RTMP 1.0; same shape as onStatus).</summary>
    public static void WriteOnFCPublish(IBufferWriter<byte> output, string code, string description)
        => WriteStatusCommand(output, "onFCPublish", "status", code, description);

    private static void WriteStatusCommand(IBufferWriter<byte> output, string name, string level, string code, string description)
    {
        Amf0Writer.WriteString(output, name);
        Amf0Writer.WriteNumber(output, 0);
        Amf0Writer.WriteNull(output);
        Amf0Writer.WriteObjectStart(output);
        Amf0Writer.WriteProperty(output, "level", level);
        Amf0Writer.WriteProperty(output, "code", code);
        Amf0Writer.WriteProperty(output, "description", description);
        Amf0Writer.WriteObjectEnd(output);
    }

    /// <summary>
    /// The |RtmpSampleAccess data message FMS sends after NetStream.Play.Start (not in RTMP 1.0; Flash players read
    /// it to allow audio and video sample access): the string "|RtmpSampleAccess", then true, true.
    /// <code>02 0011 "|RtmpSampleAccess" | 01 01 | 01 01</code>
    /// </summary>
    public static void WriteSampleAccess(IBufferWriter<byte> output)
    {
        Amf0Writer.WriteString(output, "|RtmpSampleAccess");
        Amf0Writer.WriteBoolean(output, true);
        Amf0Writer.WriteBoolean(output, true);
    }
}
