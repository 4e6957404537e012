using System.Buffers;
using BenchmarkDotNet.Attributes;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Commands;

namespace Spectra.Bench.Rtmp;

/// <summary>AMF0 decode cost of the two messages a publish carries: the connect command and ffmpeg-style onMetaData.</summary>
[MemoryDiagnoser]
public class Amf0Benchmarks
{
    private byte[] _connect = [];
    private byte[] _metadata = [];

    [GlobalSetup]
    public void Setup()
    {
        var output = new ArrayBufferWriter<byte>();
        RtmpCommandWriter.Write(output, "connect", 1, new Dictionary<string, object?>
        {
            ["app"] = "live",
            ["type"] = "nonprivate",
            ["flashVer"] = "FMLE/3.0 (compatible; Lavf59.27.100)",
            ["tcUrl"] = "rtmp://127.0.0.1:1935/live",
        }, null);
        _connect = output.WrittenSpan.ToArray();

        output.Clear();
        Amf0Writer.WriteString(output, "@setDataFrame");
        Amf0Writer.WriteString(output, "onMetaData");
        Amf0Writer.WriteEcmaArray(output, new Dictionary<string, object?>
        {
            ["duration"] = 0d, ["width"] = 1920d, ["height"] = 1080d, ["videodatarate"] = 6000d, ["framerate"] = 60d,
            ["videocodecid"] = 7d, ["audiodatarate"] = 160d, ["audiosamplerate"] = 48000d, ["audiosamplesize"] = 16d,
            ["stereo"] = true, ["audiocodecid"] = 10d, ["encoder"] = "Lavf59.27.100", ["filesize"] = 0d,
        });
        _metadata = output.WrittenSpan.ToArray();
    }

    [Benchmark]
    public string ParseConnect() => RtmpCommand.Parse(_connect).Name;

    [Benchmark]
    public int DecodeMetadata()
    {
        var reader = new Amf0Reader(_metadata);
        reader.ReadString();
        reader.ReadString();
        return ((Dictionary<string, object?>)reader.ReadValue()!).Count;
    }
}
