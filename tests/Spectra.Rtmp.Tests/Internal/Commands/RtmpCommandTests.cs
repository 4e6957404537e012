using System.Buffers;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Commands;

namespace Spectra.Rtmp.Tests.Internal.Commands;

public sealed class RtmpCommandTests
{
    [Fact]
    public void Parse_Publish_ReadsNameTransactionNullObjectAndArguments()
    {
        // "publish", 0, null, "KEY", "live"
        byte[] payload =
        [
            0x02, 0x00, 0x07, .. "publish"u8, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x05,
            0x02, 0x00, 0x03, .. "KEY"u8, 0x02, 0x00, 0x04, .. "live"u8,
        ];
        var command = RtmpCommand.Parse(payload);
        Assert.Equal("publish", command.Name);
        Assert.Equal(0d, command.TransactionId);
        Assert.Null(command.CommandObject);
        Assert.Equal(new object?[] { "KEY", "live" }, command.Arguments);
    }

    [Fact]
    public void Parse_CommandObjectNotObject_Throws()
    {
        var output = new ArrayBufferWriter<byte>();
        RtmpCommandWriter.Write(output, "connect", 1, "app", null);
        var ex = Assert.Throws<Amf0Exception>(() => RtmpCommand.Parse(output.WrittenSpan));
        Assert.StartsWith("Command 'connect': the command object must be an object or null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteOnStatus_GoldenLayout()
    {
        var output = new ArrayBufferWriter<byte>();
        RtmpCommandWriter.WriteOnStatus(output, "error", RtmpCommandWriter.PublishBadName, "already publishing");
        var command = RtmpCommand.Parse(output.WrittenSpan);
        Assert.Equal("onStatus", command.Name);
        Assert.Equal(0d, command.TransactionId);
        Assert.Null(command.CommandObject);
        var info = Assert.IsType<Dictionary<string, object?>>(Assert.Single(command.Arguments));
        Assert.Equal("error", info["level"]);
        Assert.Equal("NetStream.Publish.BadName", info["code"]);
        Assert.Equal("already publishing", info["description"]);
        byte[] head = [0x02, 0x00, 0x08, .. "onStatus"u8, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x05, 0x03, 0x00, 0x05, .. "level"u8];
        Assert.Equal(head, output.WrittenSpan[..head.Length].ToArray());
    }

    [Fact]
    public void WriteSampleAccess_GoldenBytes()
    {
        var output = new ArrayBufferWriter<byte>();
        RtmpCommandWriter.WriteSampleAccess(output);
        // AMF0 string (0x02, UI16 length) "|RtmpSampleAccess", then two AMF0 booleans (0x01) true.
        byte[] expected = [0x02, 0x00, 0x11, .. "|RtmpSampleAccess"u8, 0x01, 0x01, 0x01, 0x01];
        Assert.Equal(expected, output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("status", RtmpCommandWriter.PlayReset)]
    [InlineData("status", RtmpCommandWriter.PlayStart)]
    [InlineData("error", RtmpCommandWriter.PlayStreamNotFound)]
    [InlineData("status", RtmpCommandWriter.PlayUnpublishNotify)]
    public void WriteOnStatus_PlayCodes_RoundTrip(string level, string code)
    {
        var output = new ArrayBufferWriter<byte>();
        RtmpCommandWriter.WriteOnStatus(output, level, code, "d");
        var info = Assert.IsType<Dictionary<string, object?>>(Assert.Single(RtmpCommand.Parse(output.WrittenSpan).Arguments));
        Assert.Equal(level, info["level"]);
        Assert.Equal(code, info["code"]);
        Assert.StartsWith("NetStream.Play.", code, StringComparison.Ordinal);
    }
}
