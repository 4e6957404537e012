using System.Globalization;
using System.Text;

namespace Spectra.Server.Community.Schedule;

/// <summary>
/// Writes an iCalendar (RFC 5545) VCALENDAR with VEVENTs. Lines end in CRLF (§3.1), are folded so no
/// line exceeds 75 octets of UTF-8 — never inside a multi-byte character — with continuation lines
/// starting with one space (§3.1), and TEXT values escape backslash, semicolon, comma and line breaks
/// (§3.3.11). Times are written in UTC form "yyyyMMddTHHmmssZ" (§3.3.5, form #2).
/// </summary>
internal static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const int MaxOctetsPerLine = 75;

    public static string Write(string calendarName, IEnumerable<CalendarEvent> events)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Spectra//Schedule//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + EscapeText(calendarName));
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + EscapeText(e.Uid));
            Line(sb, "DTSTAMP:" + FormatUtc(e.Stamp));
            Line(sb, "DTSTART:" + FormatUtc(e.Start));
            Line(sb, "DTEND:" + FormatUtc(e.End));
            Line(sb, "SUMMARY:" + EscapeText(e.Summary));
            if (!string.IsNullOrEmpty(e.Description))
            {
                Line(sb, "DESCRIPTION:" + EscapeText(e.Description));
            }

            if (!string.IsNullOrEmpty(e.Category))
            {
                Line(sb, "CATEGORIES:" + EscapeText(e.Category));
            }

            if (!string.IsNullOrEmpty(e.Url))
            {
                Line(sb, "URL:" + e.Url);
            }

            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>TEXT escaping of §3.3.11: \\ \; \, and \n for any line break.</summary>
    public static string EscapeText(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    sb.Append("\\n");
                    break;
                case '\n': sb.Append("\\n"); break;
                default:
                    // Other control characters are not allowed in TEXT (§3.3.11 TSAFE-CHAR); drop them.
                    if (!char.IsControl(c) || c == '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public static string FormatUtc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Appends one content line folded at 75 octets (§3.1) and terminated by CRLF.</summary>
    public static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = MaxOctetsPerLine;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = MaxOctetsPerLine - 1; // the leading space counts
            }

            sb.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        sb.Append("\r\n");
    }
}
