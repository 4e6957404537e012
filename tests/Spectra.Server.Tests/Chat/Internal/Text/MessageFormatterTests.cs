using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Tests.Chat.Internal.Text;

public class MessageFormatterTests
{
    [Fact]
    public void Format_PlainText_OneTextSegment()
    {
        var message = MessageFormatter.Format("  hello world  ", linkify: true);
        Assert.Equal("hello world", message.Text);
        var segment = Assert.Single(message.Segments);
        Assert.Equal(new MessageSegment("text", "hello world"), segment);
        Assert.False(message.HasLink);
        Assert.False(message.IsEmoteOnly);
    }

    [Fact]
    public void Format_HtmlInText_StaysText()
    {
        var message = MessageFormatter.Format("<script>alert(1)</script>", linkify: true);
        Assert.Equal("<script>alert(1)</script>", Assert.Single(message.Segments).Text);
        Assert.Equal("text", message.Segments[0].Type);
    }

    [Fact]
    public void Format_Mention_MentionSegment()
    {
        var message = MessageFormatter.Format("hi @alice_1, and mail@example", linkify: false);
        Assert.Equal(["alice_1"], message.Mentions);
        Assert.Equal("mention", message.Segments[1].Type);
        Assert.Equal("@alice_1", message.Segments[1].Text);
        Assert.Equal("alice_1", message.Segments[1].Value);
    }

    [Theory]
    [InlineData("see https://example.com/a?b=1.", "https://example.com/a?b=1")]
    [InlineData("www.example.org", "https://www.example.org/")]
    [InlineData("go to evil.gg now", "https://evil.gg/")]
    public void Format_LinkAllowed_LinkSegment(string text, string href)
    {
        var message = MessageFormatter.Format(text, linkify: true);
        Assert.True(message.HasLink);
        var link = Assert.Single(message.Segments, s => s.Type == "link");
        Assert.Equal(href, link.Value);
    }

    [Fact]
    public void Format_LinkNotLinkified_TextButHasLink()
    {
        var message = MessageFormatter.Format("see https://example.com", linkify: false);
        Assert.True(message.HasLink);
        Assert.DoesNotContain(message.Segments, s => s.Type == "link");
        Assert.Equal("see https://example.com", Assert.Single(message.Segments).Text);
    }

    [Fact]
    public void Format_JavascriptScheme_NotALink()
    {
        var message = MessageFormatter.Format("javascript:alert(1)", linkify: true);
        Assert.DoesNotContain(message.Segments, s => s.Type == "link");
    }

    [Fact]
    public void Format_Shortcode_EmoteSegment()
    {
        var message = MessageFormatter.Format(":heart: :nope:", linkify: false);
        Assert.Equal("emote", message.Segments[0].Type);
        Assert.Equal("heart", message.Segments[0].Value);
        Assert.Equal(" :nope:", message.Segments[1].Text);
        Assert.False(message.IsEmoteOnly);
    }

    [Theory]
    [InlineData(":heart: :fire:")]
    [InlineData("\U0001F602\U0001F602")]
    [InlineData("\U0001F44D\U0001F3FD :clap:")]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467")]
    public void Format_OnlyEmotes_IsEmoteOnly(string text)
    {
        Assert.True(MessageFormatter.Format(text, linkify: false).IsEmoteOnly);
    }

    [Fact]
    public void Format_EmptyText_NotEmoteOnlyAndLengthZero()
    {
        var message = MessageFormatter.Format(" \u0000 ", linkify: false);
        Assert.Equal(0, message.Length);
        Assert.False(message.IsEmoteOnly);
    }

    [Fact]
    public void Clean_ControlAndBidiOverride_Removed()
    {
        Assert.Equal("a b c", MessageFormatter.Clean("a\nb\u202E\u0007 c"));
    }

    [Fact]
    public void Format_Length_CountsScalarValues()
    {
        Assert.Equal(3, MessageFormatter.Format("a\U0001F602b", linkify: false).Length);
    }
}
