namespace Spectra.Media.Flv;

/// <summary>Identifies the publisher's codecs from tag bodies as they arrive (no I/O, no allocation for media tags).</summary>
internal static class FlvCodecDetector
{
    /// <summary>
    /// Reads codec facts from a video tag. A sequence header yields the full description (for AVC:
    /// profile/level and size from the SPS); any other tag only names the codec.
    /// </summary>
    /// <returns>False when the body is too short to identify anything.</returns>
    public static bool TryDetectVideo(ReadOnlySpan<byte> videoTagBody, out VideoCodecInfo? info, out bool isSequenceHeader)
    {
        info = null;
        isSequenceHeader = false;
        if (!FlvVideoTagHeader.TryParse(videoTagBody, out var header))
        {
            return false;
        }

        isSequenceHeader = header.IsSequenceHeader;
        if (header.Codec == FlvVideoCodec.H264 && header.IsSequenceHeader)
        {
            if (!AvcDecoderConfigurationRecord.TryParse(videoTagBody[header.PayloadOffset..], out var record) || record is null)
            {
                info = new VideoCodecInfo(FlvVideoCodec.H264, 0, 0, "avc1");
                return true;
            }

            var sps = record.SequenceParameterSet;
            info = new VideoCodecInfo(FlvVideoCodec.H264, sps?.Width ?? 0, sps?.Height ?? 0, record.CodecString);
            return true;
        }

        info = new VideoCodecInfo(header.Codec, 0, 0, ShortName(header.Codec));
        return true;
    }

    /// <summary>Reads codec facts from an audio tag; an AAC sequence header yields object type, rate and channels.</summary>
    public static bool TryDetectAudio(ReadOnlySpan<byte> audioTagBody, out AudioCodecInfo? info, out bool isSequenceHeader)
    {
        info = null;
        isSequenceHeader = false;
        if (!FlvAudioTagHeader.TryParse(audioTagBody, out var header))
        {
            return false;
        }

        isSequenceHeader = header.IsSequenceHeader;
        if (header.Codec == FlvAudioCodec.Aac && header.IsSequenceHeader
            && AacAudioSpecificConfig.TryParse(audioTagBody[header.PayloadOffset..], out var config) && config is not null)
        {
            info = new AudioCodecInfo(FlvAudioCodec.Aac, config.SampleRate, config.ChannelConfiguration, config.CodecString);
            return true;
        }

        int sampleRate = 0;
        int channels = 0;
        if (header.SoundFormat != FlvAudioTagHeader.SoundFormatExHeader && header.Codec != FlvAudioCodec.Aac)
        {
            // E.4.2.1 SoundRate: 0 = 5.5 kHz, 1 = 11 kHz, 2 = 22 kHz, 3 = 44 kHz; SoundType: 0 mono, 1 stereo.
            sampleRate = ((audioTagBody[0] >> 2) & 0x03) switch { 0 => 5512, 1 => 11025, 2 => 22050, _ => 44100 };
            if (header.SoundFormat == 14)
            {
                sampleRate = 8000;
            }

            channels = (audioTagBody[0] & 0x01) + 1;
        }

        info = new AudioCodecInfo(header.Codec, sampleRate, channels, ShortName(header.Codec));
        return true;
    }

    private static string ShortName(FlvVideoCodec codec) => codec switch
    {
        FlvVideoCodec.H264 => "avc1",
        FlvVideoCodec.Hevc => "hevc",
        FlvVideoCodec.Av1 => "av1",
        FlvVideoCodec.Vp9 => "vp9",
        FlvVideoCodec.Vp6 => "vp6",
        FlvVideoCodec.SorensonH263 => "h263",
        FlvVideoCodec.ScreenVideo or FlvVideoCodec.ScreenVideo2 => "screenvideo",
        _ => "unknown",
    };

    private static string ShortName(FlvAudioCodec codec) => codec switch
    {
        FlvAudioCodec.Aac => "mp4a.40",
        FlvAudioCodec.Mp3 => "mp3",
        FlvAudioCodec.Opus => "opus",
        FlvAudioCodec.Speex => "speex",
        FlvAudioCodec.Nellymoser => "nellymoser",
        FlvAudioCodec.G711 => "g711",
        FlvAudioCodec.LinearPcm => "pcm",
        FlvAudioCodec.Adpcm => "adpcm",
        _ => "unknown",
    };
}
