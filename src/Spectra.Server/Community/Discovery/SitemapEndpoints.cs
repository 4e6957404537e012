using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;

namespace Spectra.Server.Community.Discovery;

/// <summary>
/// /sitemap.xml (sitemaps.org protocol 0.9) and /robots.txt, so search engines find the public pages:
/// home, categories, directory, each category page and each channel page.
/// </summary>
/// <remarks>Addresses are absolute, built from the request's scheme and host (the forwarded ones behind a proxy).
/// One sitemap holds at most 50,000 addresses: the most recently updated channels fill what the fixed pages leave.</remarks>
internal static class SitemapEndpoints
{
    /// <summary>The protocol's limit of addresses in one sitemap file.</summary>
    public const int MaxUrls = 50_000;

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync).ExcludeFromDescription();
        endpoints.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> SitemapAsync(HttpContext context, SpectraDbContext db, CancellationToken ct)
    {
        var origin = Origin(context.Request);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Slug).ToListAsync(ct);
        var fixedPages = new[] { "/", "/categories", "/directory" };
        var channels = await db.Channels.AsNoTracking()
            .OrderByDescending(c => c.UpdatedAt)
            .ThenBy(c => c.Id)
            .Take(Math.Max(0, MaxUrls - fixedPages.Length - categories.Count))
            .Select(c => new { c.Owner.UserName, c.UpdatedAt })
            .ToListAsync(ct);

        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Async = false, Indent = false, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(output), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var path in fixedPages)
            {
                Url(xml, origin + path, null);
            }

            foreach (var slug in categories)
            {
                Url(xml, origin + "/category/" + Uri.EscapeDataString(slug), null);
            }

            foreach (var channel in channels)
            {
                Url(xml, origin + "/" + Uri.EscapeDataString(channel.UserName), DateTime.SpecifyKind(channel.UpdatedAt, DateTimeKind.Utc));
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Results.Text(output.ToString(), "application/xml; charset=utf-8");
    }

    public static IResult Robots(HttpContext context) =>
        Results.Text(
            "User-agent: *\n" +
            "Disallow: /dashboard\n" +
            "Disallow: /api/\n" +
            "Disallow: /settings\n" +
            "Sitemap: " + Origin(context.Request) + "/sitemap.xml\n",
            "text/plain; charset=utf-8");

    private static string Origin(HttpRequest request) => request.Scheme + "://" + request.Host.ToUriComponent();

    private static void Url(XmlWriter xml, string location, DateTime? lastModified)
    {
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", location);
        if (lastModified is { } at)
        {
            xml.WriteElementString("lastmod", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }

    /// <summary>A StringWriter that declares UTF-8 (the encoding the response is sent in), not UTF-16.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
