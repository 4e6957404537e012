using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Accounts;

public sealed partial class AccessTokenTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Token_CreatedInSettings_AuthenticatesApiUntilRevoked(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var owner = await host.SignUpAsync("scripter");

        using var created = await owner.PostFormAsync("/settings?handler=CreateToken", new() { ["TokenName"] = "ci" }, pagePath: "/settings");
        var token = TokenPattern().Match(await created.Content.ReadAsStringAsync()).Value;
        Assert.StartsWith("spt_", token, StringComparison.Ordinal);

        using var api = new HttpClient { BaseAddress = host.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("scripter", me.GetProperty("userName").GetString());

        // Token-authenticated writes need no antiforgery header.
        using var patch = await api.PatchAsJsonAsync("/api/v1/channels/scripter", new { title = "Set by a script" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        await using (var scope = host.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().PersonalAccessTokens.SingleAsync();
            Assert.NotEqual(token, stored.TokenHash);
            Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
            using var revoke = await owner.PostFormAsync("/settings?handler=RevokeToken", new() { ["tokenId"] = stored.Id.ToString() }, pagePath: "/settings");
            Assert.Contains("Token revoked.", await revoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var afterRevoke = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task Token_Unknown_IsUnauthorized()
    {
        await using var host = await SpectraHost.StartAsync();
        using var api = new HttpClient { BaseAddress = host.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "spt_" + new string('a', 40));

        using var response = await api.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        var doc = await client.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/categories", out _));
        Assert.True(paths.TryGetProperty("/api/v1/channels/{name}", out var channel));
        Assert.True(channel.TryGetProperty("patch", out _));
        Assert.True(paths.TryGetProperty("/api/v1/channels/{name}/stream-key", out var key));
        Assert.True(key.TryGetProperty("post", out _));
    }

    [GeneratedRegex("spt_[0-9A-Za-z]{40}")]
    private static partial Regex TokenPattern();
}
