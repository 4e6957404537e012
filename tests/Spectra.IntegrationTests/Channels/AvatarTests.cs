using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Net.Http.Json;
using Spectra.Testing;

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
