using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Infrastructure;

/// <summary>The client bundle as browsers get it: precompressed, cached by version, with the right types.</summary>
public sealed partial class StaticAssetsTests
{
    [Fact]
    public async Task Bundle_AcceptingBrotliOrGzip_GetsTheSameBytesCompressedAndCachedForAYear()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();
        var home = await client.Http.GetStringAsync("/");
        var css = StylesheetHref().Match(home).Groups[1].Value;
        Assert.Contains("?v=", css, StringComparison.Ordinal);

        var plain = await GetAsync(client, css, null);
        var brotli = await GetAsync(client, css, "gzip, deflate, br");
        var gzip = await GetAsync(client, css, "gzip");
        var refused = await GetAsync(client, css, "br;q=0, gzip;q=0");

        Assert.Empty(plain.Encoding);
        Assert.Equal("br", brotli.Encoding);
        Assert.Equal("gzip", gzip.Encoding);
        Assert.Empty(refused.Encoding);
        Assert.True(brotli.Body.Length < plain.Body.Length / 3, $"{brotli.Body.Length} of {plain.Body.Length} bytes");
        Assert.Equal(plain.Body, Decompress(new BrotliStream(new MemoryStream(brotli.Body), CompressionMode.Decompress)));
        Assert.Equal(plain.Body, Decompress(new GZipStream(new MemoryStream(gzip.Body), CompressionMode.Decompress)));
        foreach (var response in new[] { plain, brotli, gzip })
        {
            Assert.Equal("text/css", response.ContentType);
            Assert.Contains("Accept-Encoding", response.Vary, StringComparer.OrdinalIgnoreCase);
            Assert.Equal("public, max-age=31536000, immutable", response.CacheControl);
        }
    }

    [Fact]
    public async Task Bundle_WithoutVersion_IsRevalidated_AndManifestHasItsType()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        var script = await GetAsync(client, "/dist/site.js", "br");
        var manifest = await GetAsync(client, "/manifest.webmanifest", null);

        Assert.Equal("br", script.Encoding);
        Assert.Equal("text/javascript", script.ContentType);
        Assert.Equal("no-cache", script.CacheControl);
        Assert.Equal("application/manifest+json", manifest.ContentType);
        Assert.Contains("\"start_url\": \"/\"", System.Text.Encoding.UTF8.GetString(manifest.Body), StringComparison.Ordinal);
    }

    private static async Task<Fetched> GetAsync(TestClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Fetched(
            await response.Content.ReadAsByteArrayAsync(),
            string.Join(",", response.Content.Headers.ContentEncoding),
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.Vary.ToArray(),
            response.Headers.CacheControl?.ToString());
    }

    private static byte[] Decompress(Stream stream)
    {
        using (stream)
        {
            using var output = new MemoryStream();
            stream.CopyTo(output);
            return output.ToArray();
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();

    private sealed record Fetched(byte[] Body, string Encoding, string? ContentType, string[] Vary, string? CacheControl);
}
