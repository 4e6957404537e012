using System.Globalization;
using System.Net;
using System.Text;

namespace Spectra.Server.Community.Analytics;

/// <summary>
/// Renders a line chart as inline SVG on the server: no script, scales to its container
/// (viewBox), labels escaped. Y axis starts at zero; ticks at 0, max/2 and max, each with a grid line.
/// </summary>
/// <remarks>
/// The markup names no colour: the stylesheet's .chart-* classes (components.css) paint the axes,
/// grid, area, line and labels from the theme's tokens, so the chart reads in the light and dark themes.
/// Sizes are in viewBox units (600 × 200).
/// </remarks>
internal static class SvgLineChart
{
    private const double Width = 600;
    private const double Height = 200;
    private const double Left = 44;
    private const double Bottom = 24;
    private const double Top = 10;
    private const double Right = 14;

    public static string Render(string title, IReadOnlyList<(string Label, double Value)> points)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        var max = 0.0;
        foreach (var p in points)
        {
            max = Math.Max(max, p.Value);
        }

        if (max <= 0)
        {
            max = 1;
        }

        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var baseline = Top + plotH;
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = baseline - (fraction * plotH);
            sb.Append(inv, $"<line class=\"chart-grid\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\"/>");
            sb.Append(inv, $"<text class=\"chart-label\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{max * fraction:0.#}</text>");
        }

        sb.Append(inv, $"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{baseline}\"/>");
        if (points.Count > 0)
        {
            double X(int i) => Left + (points.Count == 1 ? plotW / 2 : plotW * i / (points.Count - 1));
            double Y(int i) => baseline - (points[i].Value / max * plotH);

            if (points.Count > 1)
            {
                sb.Append(inv, $"<path class=\"chart-area\" d=\"M{X(0):0.##},{baseline}");
                for (var i = 0; i < points.Count; i++)
                {
                    sb.Append(inv, $" L{X(i):0.##},{Y(i):0.##}");
                }

                sb.Append(inv, $" L{X(points.Count - 1):0.##},{baseline} Z\"/>");
            }
            else
            {
                sb.Append(inv, $"<circle class=\"chart-point\" cx=\"{X(0):0.##}\" cy=\"{Y(0):0.##}\" r=\"4\"/>");
            }

            sb.Append("<polyline class=\"chart-line\" points=\"");
            for (var i = 0; i < points.Count; i++)
            {
                sb.Append(inv, $"{X(i):0.##},{Y(i):0.##} ");
            }

            sb.Append("\"/>");
            var step = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
            for (var i = 0; i < points.Count; i += step)
            {
                var anchor = points.Count == 1 ? "middle" : i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
                sb.Append(inv, $"<text class=\"chart-label\" x=\"{X(i):0.##}\" y=\"{Height - 6}\" text-anchor=\"{anchor}\">")
                    .Append(WebUtility.HtmlEncode(points[i].Label)).Append("</text>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
