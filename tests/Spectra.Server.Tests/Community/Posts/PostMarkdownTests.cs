using Spectra.Server.Community.Posts;

namespace Spectra.Server.Tests.Community.Posts;

public sealed class PostMarkdownTests
{
    [Fact]
    public void ToHtml_Emphasis_Rendered()
    {
        Assert.Equal("<p><strong>big</strong> <em>news</em> <del>old</del> <code>x</code></p>\n", PostMarkdown.ToHtml("**big** *news* ~~old~~ `x`"));
    }

    [Fact]
    public void ToHtml_RawHtml_Escaped()
    {
        var html = PostMarkdown.ToHtml("<script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void ToHtml_UnsafeLink_LosesTarget(string markdown)
    {
        var html = PostMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SafeLink_HasNofollow()
    {
        var html = PostMarkdown.ToHtml("[site](https://example.com)");

        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow ugc noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Image_BecomesLink()
    {
        var html = PostMarkdown.ToHtml("![cat](https://example.com/cat.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/cat.png\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Heading_IsPlainParagraph()
    {
        Assert.DoesNotContain("<h1", PostMarkdown.ToHtml("# Shout"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_BareUrl_Autolinked()
    {
        Assert.Contains("<a href=\"https://spectra.test/x\"", PostMarkdown.ToHtml("see https://spectra.test/x"), StringComparison.Ordinal);
    }
}
