using Spectra.Media.Flv;

namespace Spectra.Media.Transcoding;

/// <summary>
/// Chooses the renditions for a source:
/// <list type="bullet">
/// <item>"source" passthrough when the video is H.264 and the audio AAC or absent (and passthrough is enabled);</item>
/// <item>every configured rung below the source height (at or below when there is no passthrough), never upscaling;</item>
/// <item>when that leaves nothing, one rung at the source height with the lowest rung's bitrates;</item>
/// <item>for audio-only sources, when <see cref="LadderOptions.AudioOnlyRendition"/> is on, one "audio" rendition (AAC copied, MP3 re-encoded to AAC), otherwise nothing;</item>
/// <item>nothing at all for video the transcoder cannot decode (H.265...);</item>
/// <item>with <see cref="TranscodingMode.Passthrough"/>, only "source" (audio when it is AAC; MP3 audio is left out).</item>
/// </list>
/// </summary>
internal static class LadderPlanner
{
    public const string SourceRenditionName = "source";
    public const string AudioRenditionName = "audio";
    private const double DefaultFrameRate = 30;

    public static LadderPlan Plan(SourceMediaInfo source, LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);

        var warnings = LadderWarnings.None;
        double frameRate = source.FrameRate is > 0 and <= 240 ? source.FrameRate : DefaultFrameRate;
        if (source.Audio is null)
        {
            warnings |= LadderWarnings.NoAudio;
        }
        else if (!source.Audio.IsSupported)
        {
            warnings |= LadderWarnings.UnsupportedAudioCodec;
        }

        if (source.Video is null)
        {
            warnings = (warnings & ~LadderWarnings.NoAudio) | LadderWarnings.NoVideo;
            if (!options.AudioOnlyRendition || source.Audio is not { IsSupported: true } audio)
            {
                return new LadderPlan([], false, 0, warnings) { IncludesVideo = false };
            }

            bool copy = audio.Codec == FlvAudioCodec.Aac;
            if (!copy && options.Mode == TranscodingMode.Passthrough)
            {
                return new LadderPlan([], false, 0, warnings) { IncludesVideo = false };
            }

            int audioKbps = copy
                ? (source.BitrateKbps > 0 ? source.BitrateKbps : 128)
                : options.EffectiveRenditions.Min(r => r.AudioBitrateKbps);
            var rendition = new PlannedRendition(AudioRenditionName, 0, 0, 0, 0, 0, audioKbps, IsPassthrough: copy);
            return new LadderPlan([rendition], true, 0, warnings) { IncludesVideo = false };
        }

        if (!source.Video.IsSupported)
        {
            return new LadderPlan([], false, frameRate, warnings | LadderWarnings.UnsupportedVideoCodec);
        }

        if (options.Mode == TranscodingMode.Passthrough)
        {
            bool aac = source.Audio is { Codec: FlvAudioCodec.Aac };
            warnings |= source.Audio is not null && !aac ? LadderWarnings.UnsupportedAudioCodec : LadderWarnings.None;
            return new LadderPlan([Source(source)], aac, frameRate, warnings);
        }

        bool includesAudio = source.Audio is { IsSupported: true };
        bool passthrough = options.SourcePassthrough && (source.Audio is null || source.Audio.Codec == FlvAudioCodec.Aac);
        int sourceWidth = source.Video.Width;
        int sourceHeight = source.Video.Height;

        var renditions = new List<PlannedRendition>();
        if (passthrough)
        {
            renditions.Add(Source(source));
        }

        // Unknown source size: only the passthrough, or the lowest rung so there is always an output.
        var rungs = options.EffectiveRenditions.OrderByDescending(r => r.Height).ToList();
        if (sourceHeight > 0)
        {
            foreach (var rung in rungs)
            {
                bool fits = passthrough ? rung.Height < sourceHeight : rung.Height <= sourceHeight;
                if (fits)
                {
                    renditions.Add(Encoded(rung.Name, rung, rung.Height, sourceWidth, sourceHeight, includesAudio));
                }
            }
        }

        if (renditions.Count == 0 && rungs.Count > 0)
        {
            var lowest = rungs[^1];
            int height = sourceHeight > 0 ? sourceHeight & ~1 : lowest.Height;
            renditions.Add(Encoded($"{height}p", lowest, height, sourceWidth, sourceHeight, includesAudio));
        }

        return new LadderPlan(renditions, includesAudio, frameRate, warnings);
    }

    private static PlannedRendition Source(SourceMediaInfo source)
    {
        int estimatedKbps = source.BitrateKbps > 0 ? source.BitrateKbps : 6000;
        return new PlannedRendition(SourceRenditionName, source.Video!.Width, source.Video.Height, estimatedKbps,
            estimatedKbps * 6 / 5, 0, 0, IsPassthrough: true);
    }

    private static PlannedRendition Encoded(string name, LadderRendition rung, int height, int sourceWidth, int sourceHeight, bool includesAudio)
    {
        // Keep the source aspect ratio with an even width (4:2:0 chroma); 16:9 when the source size is unknown.
        double aspect = sourceWidth > 0 && sourceHeight > 0 ? (double)sourceWidth / sourceHeight : 16.0 / 9.0;
        int width = Math.Max(2, (int)Math.Round(height * aspect / 2) * 2);
        return new PlannedRendition(name, width, height, rung.VideoBitrateKbps, rung.EffectiveMaxRateKbps,
            rung.EffectiveBufferSizeKbps, includesAudio ? rung.AudioBitrateKbps : 0, IsPassthrough: false);
    }
}
