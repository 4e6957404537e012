using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Net.Http.Json;
using Spectra.Testing;
using Spectra.Testing.Storage;

namespace Spectra.IntegrationTests.Channels;

public sealed class AvatarTests
{
    // A valid 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Upload_ValidPng_IsServedFromAvatarUrl()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("pictured");

        using var response = await UploadAsync(owner, Png, "image/png", "me.png");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var channel = await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/pictured");
        var url = channel.GetProperty("avatarUrl").GetString()!;
        using var image = await owner.Http.GetAsync(url);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_NotAnImage_IsRejectedAndNothingWritten()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("faker");

        using var response = await UploadAsync(owner, "<svg onload=alert(1)>"u8.ToArray(), "image/png", "evil.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a PNG, JPEG, GIF or WebP image", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "avatars")) && Directory.EnumerateFiles(Path.Combine(host.DataDirectory, "avatars")).Any());
        var channel = await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/faker");
        Assert.Equal(JsonValueKind.Null, channel.GetProperty("avatarUrl").ValueKind);
    }

    [Fact]
    public async Task Upload_Oversized_IsRejectedAndNothingWritten()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Avatars:MaxBytes"] = "2048" });
        using var owner = await host.SignUpAsync("bigpicture");
        var big = new byte[4096];
        Png.CopyTo(big, 0);

        using var response = await UploadAsync(owner, big, "image/png", "big.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Images are at most 2 KiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "avatars")) && Directory.EnumerateFiles(Path.Combine(host.DataDirectory, "avatars")).Any());
    }

    [Fact]
    public async Task AvatarUrl_Uploaded_CachesAndAnswersConditionalAndRangeRequests()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("cached");
        using var upload = await UploadAsync(owner, Png, "image/png", "me.png");
        var url = (await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/cached")).GetProperty("avatarUrl").GetString()!;

        using var versioned = await owner.Http.GetAsync(url);
        using var unversioned = await owner.Http.GetAsync("/avatars/cached");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(versioned.Headers.ETag!);
        using var notModified = await owner.Http.SendAsync(conditional);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new RangeHeaderValue(0, 7);
        using var partial = await owner.Http.SendAsync(ranged);

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(versioned.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotNull(versioned.Content.Headers.LastModified);
        Assert.Equal("public, max-age=60", unversioned.Headers.CacheControl?.ToString());
        Assert.Equal(Png, await unversioned.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("image/png", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png.AsSpan(0, 8).ToArray(), await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AvatarUrl_NoAvatarOrNoUser_IsNotFoundWithoutCachingHeaders()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("plain");

        using var none = await owner.Http.GetAsync("/avatars/plain?v=1");
        using var nobody = await owner.Http.GetAsync("/avatars/nobody-here");

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Null(none.Headers.CacheControl);
    }

    [Fact]
    public async Task Upload_ObjectStoreOnS3_IsServedFromTheBucket()
    {
        var s3 = await S3TestServer.GetAsync();
        var bucket = await s3.CreateBucketAsync();
        await using var host = await SpectraHost.StartAsync(settings: s3.HostSettings(bucket));
        using var owner = await host.SignUpAsync("clouded");

        using var response = await UploadAsync(owner, Png, "image/png", "me.png");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var url = (await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/clouded")).GetProperty("avatarUrl").GetString()!;
        using var image = await owner.Http.GetAsync(url);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", image.Headers.CacheControl?.ToString());
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "avatars")));
        Assert.Single(Directory.GetFiles(Path.Combine(s3.DataDirectory, bucket), "*._S3rver_object", SearchOption.AllDirectories));
    }

    private static async Task<HttpResponseMessage> UploadAsync(TestClient client, byte[] bytes, string contentType, string fileName)
    {
        var token = await client.GetAntiforgeryTokenAsync("/dashboard");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "avatar", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.Http.PostAsync("/dashboard?handler=Avatar", form);
    }
}
