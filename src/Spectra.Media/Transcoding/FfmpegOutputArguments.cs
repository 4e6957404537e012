using System.Globalization;

namespace Spectra.Media.Transcoding;

/// <summary>Output formats: fragmented MP4 per rendition, JPEG thumbnails on stdout.</summary>
internal static class FfmpegOutputArguments
{
    /// <summary>
    /// Fragmented MP4 (ftyp+moov with no samples, then moof+mdat per fragment, base offsets relative
    /// to each moof) flushed per packet, so the packager sees each fragment as soon as it is complete.
    /// </summary>
    /// <param name="url">For instance "unix:/tmp/spectra-x/0.sock" (the transcoder connects to a listening socket).</param>
    /// <param name="fragmentDuration">
    /// Also cut a fragment once it holds this much media (-frag_duration), between keyframes: each
    /// fragment is one LL-HLS part (<see cref="Packaging.PackagerOptions.PartTargetDuration"/>). ffmpeg
    /// closes a fragment before the first packet at or past the duration, so fragments end on frame
    /// boundaries. Zero: one fragment per keyframe.
    /// </param>
    public static void AppendFragmentedMp4(List<string> arguments, string url, TimeSpan fragmentDuration)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.AddRange(["-f", "mp4", "-movflags", "+frag_keyframe+empty_moov+default_base_moof"]);
        if (fragmentDuration > TimeSpan.Zero)
        {
            // -frag_duration is in microseconds.
            arguments.AddRange(["-frag_duration", ((long)fragmentDuration.TotalMicroseconds).ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(["-flush_packets", "1", url]);
    }

    /// <summary>
    /// Motion-JPEG frames, one complete JPEG per thumbnail, concatenated on stdout: no frame
    /// duplication, and a single encoder thread because frame threading would hold each image back
    /// until the next one (30 s later).
    /// </summary>
    public static void AppendThumbnails(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.AddRange(["-map", $"[{FfmpegFilterGraph.ThumbnailLabel}]", "-fps_mode", "passthrough", "-c:v", "mjpeg", "-threads", "1", "-q:v", "5", "-f", "image2pipe", "-flush_packets", "1", "pipe:1"]);
    }
}
