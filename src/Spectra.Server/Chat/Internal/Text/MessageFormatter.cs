using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spectra.Server.Chat.Internal.Text;

/// <summary>
/// Cleans a chat message and splits it into segments: plain text, emote shortcodes, @mentions
/// and links. Output is data, not HTML: every renderer escapes or uses text nodes.
/// </summary>
internal static partial class MessageFormatter
{
    // Trailing characters that usually end a sentence rather than a web address.
    private static readonly char[] LinkTrailers = ['.', ',', '!', '?', ')', ']', ':', ';', '\'', '"'];

    /// <param name="text">Raw text from the client.</param>
    /// <param name="linkify">Whether addresses become link segments (channel allows links, or a moderator wrote).</param>
    public static FormattedMessage Format(string text, bool linkify)
    {
        var clean = Clean(text);
        var segments = new List<MessageSegment>();
        var mentions = new List<string>();
        var hasLink = false;
        var emoteOnly = clean.Length > 0;
        var position = 0;

        foreach (Match match in TokenRegex().Matches(clean))
        {
            if (match.Groups["shortcode"].Success && !EmoteCatalog.Shortcodes.ContainsKey(match.Groups["shortcode"].Value))
            {
                continue;
            }

            if (match.Index > position)
            {
                emoteOnly &= AddText(segments, clean[position..match.Index]);
            }

            var value = match.Value;
            position = match.Index + match.Length;
            if (match.Groups["shortcode"].Success)
            {
                var code = match.Groups["shortcode"].Value;
                segments.Add(new MessageSegment(MessageSegment.EmoteType, EmoteCatalog.Shortcodes[code], code));
            }
            else if (match.Groups["mention"].Success)
            {
                emoteOnly = false;
                var name = match.Groups["mention"].Value;
                mentions.Add(name);
                segments.Add(new MessageSegment(MessageSegment.MentionType, value, name));
            }
            else
            {
                emoteOnly = false;
                var trimmed = value.TrimEnd(LinkTrailers);
                position = match.Index + trimmed.Length;
                hasLink = true;
                if (linkify)
                {
                    var href = trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        ? trimmed
                        : "https://" + trimmed;
                    segments.Add(Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                        ? new MessageSegment(MessageSegment.LinkType, trimmed, uri.AbsoluteUri)
                        : new MessageSegment(MessageSegment.TextType, trimmed));
                }
                else
                {
                    AddText(segments, trimmed);
                }
            }
        }

        if (position < clean.Length)
        {
            emoteOnly &= AddText(segments, clean[position..]);
        }

        return new FormattedMessage(clean, CountRunes(clean), segments, hasLink, emoteOnly, mentions);
    }

    /// <summary>
    /// Removes control characters (line breaks become spaces), bidirectional overrides that
    /// could reorder a name or badge visually, and surrounding white space.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C')
            {
                continue;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    public static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>Appends plain text (merging with a preceding text segment); returns whether it held only emoji and spaces.</summary>
    private static bool AddText(List<MessageSegment> segments, string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (segments.Count > 0 && segments[^1].Type == MessageSegment.TextType)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new MessageSegment(MessageSegment.TextType, text));
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !EmoteCatalog.IsEmojiRune(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    // Links: scheme or "www." addresses, or bare domains with a common top-level domain.
    // Mentions: '@' not preceded by a word character, then a user name.
    // Shortcodes: ":name:" (checked against the catalog by the caller).
    [GeneratedRegex(
        @"(?<link>(?:https?://|www\.)[^\s<>""]+|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|net|org|io|tv|gg|ly|me|co|info|xyz|app|dev|ru|de|uk|fr|be|nl|link|live|stream|site|online|club|shop)\b(?:/[^\s<>""]*)?)|(?<![\w@])@(?<mention>[A-Za-z0-9_]{1,32})|:(?<shortcode>[a-z0-9_]{1,20}):",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex TokenRegex();
}
