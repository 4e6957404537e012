namespace Spectra.Server.Chat.Internal.Text;

/// <summary>
/// One piece of a chat message as sent to clients, which render it as text nodes (never as
/// HTML). <see cref="Type"/> is "text", "emote" (Value = shortcode), "mention" (Value = user
/// name) or "link" (Value = absolute http(s) address).
/// </summary>
internal sealed record MessageSegment(string Type, string Text, string? Value = null)
{
    public const string TextType = "text";
    public const string EmoteType = "emote";
    public const string MentionType = "mention";
    public const string LinkType = "link";
}
