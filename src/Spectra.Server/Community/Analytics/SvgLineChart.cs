using System.Globalization;
using System.Net;
using System.Text;

namespace Spectra.Server.Community.Analytics;

/// <summary>
/// Renders a line chart as inline SVG on the server: no script, scales to its container
/// (viewBox), labels escaped. Y axis starts at zero; ticks at 0, max/2 and max.
/// </summary>
internal static class SvgLineChart
{
    private const double Width = 600;
    private const double Height = 200;
    private const double Left = 44;
    private const double Bottom = 24;
    private const double Top = 10;
    private const double Right = 10;

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
        sb.Append(inv, $"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Width - Right}\" y2=\"{Top + plotH}\" stroke=\"#888\"/>");
        sb.Append(inv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#888\"/>");
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + plotH - (fraction * plotH);
            sb.Append(inv, $"<text x=\"{Left - 4}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{max * fraction:0.#}</text>");
        }

        if (points.Count > 0)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"#7c3aed\" stroke-width=\"2\" points=\"");
            for (var i = 0; i < points.Count; i++)
            {
                var x = Left + (points.Count == 1 ? plotW / 2 : plotW * i / (points.Count - 1));
                var y = Top + plotH - (points[i].Value / max * plotH);
                sb.Append(inv, $"{x:0.##},{y:0.##} ");
            }

            sb.Append("\"/>");
            var step = Math.Max(1, points.Count / 6);
            for (var i = 0; i < points.Count; i += step)
            {
                var x = Left + (points.Count == 1 ? plotW / 2 : plotW * i / (points.Count - 1));
                sb.Append(inv, $"<text x=\"{x:0.##}\" y=\"{Height - 6}\" font-size=\"10\" text-anchor=\"middle\">")
                    .Append(WebUtility.HtmlEncode(points[i].Label)).Append("</text>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
