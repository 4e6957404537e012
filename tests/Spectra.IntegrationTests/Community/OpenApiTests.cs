using Spectra.Testing;

namespace Spectra.IntegrationTests.Community;

public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApi_Document_ListsCommunityEndpoints()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var client = host.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[]
        {
            "/api/v1/channels/{name}/follow", "/api/v1/users/{name}/block", "/api/v1/search", "/api/v1/recommendations",
            "/api/v1/discover/live", "/api/v1/discover/categories", "/api/v1/discover/directory", "/api/v1/me/notifications", "/api/v1/me/webhooks",
            "/api/v1/me/schedule", "/api/v1/channels/{name}/schedule.ics", "/api/v1/me/posts", "/api/v1/me/feed",
            "/api/v1/me/history", "/api/v1/me/analytics",
        })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
