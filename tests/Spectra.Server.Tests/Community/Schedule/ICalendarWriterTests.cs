using System.Text;
using Spectra.Server.Community.Schedule;

namespace Spectra.Server.Tests.Community.Schedule;

public sealed class ICalendarWriterTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 18, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Write_OneEvent_HasRequiredPropertiesAndCrlf()
    {
        var ics = ICalendarWriter.Write("alice", [new CalendarEvent("id-1@spectra", Start, Start.AddHours(2), "Chess night", null, null, "https://x.test/alice", Start)]);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART:20261201T183000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20261201T203000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nUID:id-1@spectra\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("line1\r\nline2\nline3", "line1\\nline2\\nline3")]
    [InlineData("bell\u0007", "bell")]
    public void EscapeText_SpecialCharacters_Escaped(string input, string expected)
    {
        Assert.Equal(expected, ICalendarWriter.EscapeText(input));
    }

    [Fact]
    public void Line_LongUtf8_FoldedAt75OctetsWithoutSplittingCharacters()
    {
        var sb = new StringBuilder();
        var value = "SUMMARY:" + string.Concat(Enumerable.Repeat("é🎮x", 40));
        ICalendarWriter.Line(sb, value);
        var lines = sb.ToString().Split("\r\n")[..^1];

        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets"));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(l))));
        var unfolded = string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..]));
        Assert.Equal(value, unfolded);
    }
}
