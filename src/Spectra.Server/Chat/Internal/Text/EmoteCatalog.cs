using System.Collections.Frozen;
using System.Text;

namespace Spectra.Server.Chat.Internal.Text;

/// <summary>The emote shortcodes chat understands (":heart:") and emoji detection for emote-only mode.</summary>
internal static class EmoteCatalog
{
    public static FrozenDictionary<string, string> Shortcodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["heart"] = "\u2764\uFE0F",
        ["smile"] = "\U0001F604",
        ["laugh"] = "\U0001F602",
        ["wink"] = "\U0001F609",
        ["sad"] = "\U0001F622",
        ["fire"] = "\U0001F525",
        ["clap"] = "\U0001F44F",
        ["wow"] = "\U0001F62E",
        ["party"] = "\U0001F389",
        ["thumbsup"] = "\U0001F44D",
        ["thumbsdown"] = "\U0001F44E",
        ["wave"] = "\U0001F44B",
        ["gg"] = "\U0001F3C6",
        ["100"] = "\U0001F4AF",
        ["eyes"] = "\U0001F440",
        ["think"] = "\U0001F914",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// True for code points that render as emoji or are parts of emoji sequences (zero-width
    /// joiner, variation selector 16, keycap, skin tones and tag characters).
    /// </summary>
    public static bool IsEmojiRune(Rune rune)
    {
        var v = rune.Value;
        return v is (>= 0x1F000 and <= 0x1FAFF)
            or (>= 0x2600 and <= 0x27BF)
            or (>= 0x2B00 and <= 0x2BFF)
            or (>= 0x2190 and <= 0x21FF)
            or (>= 0x2300 and <= 0x23FF)
            or (>= 0xE0020 and <= 0xE007F)
            or 0x200D or 0xFE0F or 0x20E3 or 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or 0x3030 or 0x303D;
    }
}
