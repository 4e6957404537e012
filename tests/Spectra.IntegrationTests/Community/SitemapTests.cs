using System.Net;
using System.Xml.Linq;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Sitemap_PublicPages_ListsHomeCategoriesAndChannelsWithAbsoluteAddresses(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var creator = Unique("maps");
        using var client = await host.SignUpAsync(creator);
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var response = await client.Http.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Ns + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(Ns + "url").ToList();
        var locations = urls.Select(u => u.Element(Ns + "loc")!.Value).ToList();

        Assert.Equal(locations.Count, locations.Distinct(StringComparer.Ordinal).Count());
        Assert.All(locations, l => Assert.StartsWith(origin + "/", l, StringComparison.Ordinal));
        Assert.Contains(origin + "/", locations);
        Assert.Contains(origin + "/categories", locations);
        Assert.Contains(origin + "/directory", locations);
        Assert.Contains(origin + "/category/science-technology", locations);
        var channel = Assert.Single(urls, u => u.Element(Ns + "loc")!.Value == origin + "/" + creator);
        Assert.True(DateTime.TryParse(channel.Element(Ns + "lastmod")?.Value, out _), "A channel page carries its last change.");

        // Every listed page answers.
        foreach (var location in locations.Where(l => l.Contains("/category/", StringComparison.Ordinal)).Take(2).Append(origin + "/" + creator))
        {
            using var page = await client.Http.GetAsync(new Uri(location).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Robots_Always_PointsToTheSitemapAndKeepsCrawlersOutOfTheDashboard()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /dashboard", lines);
        Assert.Contains("Sitemap: " + host.BaseAddress.GetLeftPart(UriPartial.Authority) + "/sitemap.xml", lines);
    }
}
