using System.Buffers;
using Spectra.Media.Flv;

namespace Spectra.Media.Tests.Flv;

public class FlvCodecDetectorTests
{
    [Fact]
    public void TryDetect_FfmpegCaptureSequenceHeaders_ReadsAvcAndAacDetails()
    {
        VideoCodecInfo? video = null;
        AudioCodecInfo? audio = null;
        byte[] capture = File.ReadAllBytes(FlvReaderTests.TestDataPath("testsrc-320x240-1s.flv"));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(capture));
        FlvReader.TryReadHeader(ref reader, out _, out _);
        while (FlvReader.TryReadTag(ref reader, out var tag))
        {
            byte[] body = tag.Body.ToArray();
            if (tag.Type == FlvTagType.Video && FlvCodecDetector.TryDetectVideo(body, out var v, out bool videoConfig) && videoConfig)
            {
                video = v;
            }
            else if (tag.Type == FlvTagType.Audio && FlvCodecDetector.TryDetectAudio(body, out var a, out bool audioConfig) && audioConfig)
            {
                audio = a;
            }
        }

        Assert.Equal(new VideoCodecInfo(FlvVideoCodec.H264, 320, 240, "avc1.64000c"), video);
        Assert.True(video!.IsSupported);
        Assert.Equal(new AudioCodecInfo(FlvAudioCodec.Aac, 44100, 2, "mp4a.40.2"), audio);
        Assert.True(audio!.IsSupported);
    }

    [Fact]
    public void TryDetectVideo_HevcSequenceHeader_IsUnsupportedHevc()
    {
        Assert.True(FlvCodecDetector.TryDetectVideo(Convert.FromHexString("90687663310102030405"), out var info, out bool config));

        Assert.True(config);
        Assert.Equal(FlvVideoCodec.Hevc, info!.Codec);
        Assert.False(info.IsSupported);
        Assert.Equal("hevc", info.CodecString);
    }

    [Fact]
    public void TryDetectAudio_Mp3Stereo44k_ReadsFlagsByte()
    {
        // SoundFormat 2 | SoundRate 3 (44 kHz) | SoundSize 1 | SoundType 1 (stereo)
        Assert.True(FlvCodecDetector.TryDetectAudio([0x2F, 0xFF, 0xFB], out var info, out bool config));

        Assert.False(config);
        Assert.Equal(new AudioCodecInfo(FlvAudioCodec.Mp3, 44100, 2, "mp3"), info);
        Assert.True(info!.IsSupported);
    }

    [Fact]
    public void TryDetectAudio_Opus_IsUnsupported()
    {
        Assert.True(FlvCodecDetector.TryDetectAudio(Convert.FromHexString("904F70757301"), out var info, out _));

        Assert.False(info!.IsSupported);
    }
}
