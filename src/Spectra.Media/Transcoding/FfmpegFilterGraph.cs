using System.Globalization;
using System.Text;

namespace Spectra.Media.Transcoding;

/// <summary>
/// The -filter_complex graph: the source is decoded once and split into one scaled branch per
/// encoded rendition (labels [v0], [v1]... by plan index) plus an optional thumbnail branch ([thumb]).
/// </summary>
internal static class FfmpegFilterGraph
{
    public const string ThumbnailLabel = "thumb";

    public static string VideoLabel(int planIndex) => string.Create(CultureInfo.InvariantCulture, $"v{planIndex}");

    /// <summary>Returns null when nothing needs decoding (passthrough only, no thumbnails).</summary>
    public static string? Build(LadderPlan plan, LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        if (!plan.IncludesVideo)
        {
            return null;
        }

        bool thumbnails = options.ThumbnailIntervalSeconds > 0;
        int branches = plan.EncodedCount + (thumbnails ? 1 : 0);
        if (branches == 0)
        {
            return null;
        }

        var graph = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (branches == 1)
        {
            graph.Append("[0:v:0]null[s0];");
        }
        else
        {
            graph.Append(inv, $"[0:v:0]split={branches}");
            for (int i = 0; i < branches; i++)
            {
                graph.Append(inv, $"[s{i}]");
            }

            graph.Append(';');
        }

        int branch = 0;
        for (int i = 0; i < plan.Renditions.Count; i++)
        {
            var rendition = plan.Renditions[i];
            if (rendition.IsPassthrough)
            {
                continue;
            }

            // 4:2:0 8-bit keeps every rendition playable whatever the source's chroma format.
            graph.Append(inv, $"[s{branch++}]scale={rendition.Width}:{rendition.Height},format=yuv420p[{VideoLabel(i)}];");
        }

        if (thumbnails)
        {
            // The first frame, then the first frame at least the interval after the previous pick
            // (the fps filter would hold its first output until the interval has passed).
            graph.Append(inv, $"[s{branch}]select='isnan(prev_selected_t)+gte(t-prev_selected_t,{options.ThumbnailIntervalSeconds})',");
            graph.Append(inv, $"scale=-2:{options.ThumbnailHeight},format=yuvj420p[{ThumbnailLabel}];");
        }

        graph.Length--; // trailing ';'
        return graph.ToString();
    }
}
