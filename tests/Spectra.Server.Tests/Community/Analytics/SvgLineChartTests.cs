using System.Xml.Linq;
using Spectra.Server.Community.Analytics;

namespace Spectra.Server.Tests.Community.Analytics;

public class SvgLineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_Series_DrawsThemeClassesAndNamesNoColour()
    {
        var svg = SvgLineChart.Render("Viewers", [("1 Dec", 0), ("2 Dec", 4), ("3 Dec", 2)]);

        var root = XElement.Parse(svg);
        Assert.Equal("chart", (string?)root.Attribute("class"));
        Assert.Equal(3, root.Elements(Svg + "line").Count(e => (string?)e.Attribute("class") == "chart-grid"));
        Assert.Single(root.Elements(Svg + "polyline"), e => (string?)e.Attribute("class") == "chart-line");
        Assert.Single(root.Elements(Svg + "path"), e => (string?)e.Attribute("class") == "chart-area");
        Assert.All(root.Elements(Svg + "text"), e => Assert.Equal("chart-label", (string?)e.Attribute("class")));
        Assert.DoesNotContain("#", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("stroke=", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("fill=", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Series_TicksAtZeroHalfAndMaximumThenLabels()
    {
        var root = XElement.Parse(SvgLineChart.Render("Viewers", [("a", 1), ("b", 4)]));

        Assert.Equal(["0", "2", "4", "a", "b"], root.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Render_OnePoint_MarksItWithAPoint()
    {
        var root = XElement.Parse(SvgLineChart.Render("Viewers", [("12:00", 3)]));

        Assert.Single(root.Elements(Svg + "circle"));
        Assert.Empty(root.Elements(Svg + "path"));
    }

    [Fact]
    public void Render_Labels_AreEscaped()
    {
        var svg = SvgLineChart.Render("<b>", [("<i>", 1)]);

        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", svg, StringComparison.Ordinal);
    }
}
