namespace Spectra.Server.Chat.Internal.Text;

/// <summary>A cleaned message and its segments, with the facts the send rules need.</summary>
/// <param name="Text">The cleaned text (control and direction-override characters removed, trimmed).</param>
/// <param name="Length">Length in Unicode scalar values (what the length limit counts).</param>
/// <param name="HasLink">Whether the text contains anything that looks like a web address.</param>
/// <param name="IsEmoteOnly">Whether the text holds only emoji, emote shortcodes and spaces.</param>
/// <param name="Mentions">Mentioned user names, as written, without '@'.</param>
internal sealed record FormattedMessage(
    string Text,
    int Length,
    IReadOnlyList<MessageSegment> Segments,
    bool HasLink,
    bool IsEmoteOnly,
    IReadOnlyList<string> Mentions);
