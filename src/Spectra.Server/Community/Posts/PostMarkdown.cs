using Markdig;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Spectra.Server.Community.Posts;

/// <summary>
/// The Markdown subset of community posts: paragraphs, emphasis, strikethrough, inline code, code
/// blocks, lists, block quotes and links (including bare URLs). Raw HTML is escaped, headings and
/// thematic breaks are plain text, images become links, and links whose scheme is not http, https or
/// mailto lose their target — so the rendered HTML can be inserted in a page as is.
/// </summary>
internal static class PostMarkdown
{
    /// <summary>Largest accepted post source in characters.</summary>
    public const int MaxLength = 2000;

    private static readonly MarkdownPipeline Pipeline = Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.IsImage = false;
            if (!IsSafeUrl(link.Url))
            {
                Unwrap(link);
                continue;
            }

            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
            }
        }

        return document.ToHtml(Pipeline);
    }

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto;
    }

    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseAutoLinks()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough);
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        return builder.Build();
    }
}
