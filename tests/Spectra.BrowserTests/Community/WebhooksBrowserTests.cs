using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Spectra.BrowserTests.Community;

/// <summary>Webhooks from the creator dashboard: the secret shown once signs real deliveries, the delivery log shows them.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class WebhooksBrowserTests
{
    private sealed record Received(Dictionary<string, string> Headers, byte[] Body);

    [Fact]
    public async Task DashboardWebhookForm_FollowerFollows_SignedDeliveryArrivesAndIsLogged()
    {
        // A receiver on loopback (allowed by the closed-network setting), answering 204.
        var received = Channel.CreateUnbounded<Received>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        receiverBuilder.Logging.ClearProviders();
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/hooks", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            // Copied: the request's header collection is recycled once the response is sent.
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            received.Writer.TryWrite(new Received(headers, body.ToArray()));
            return Results.NoContent();
        });
        await receiver.StartAsync();
        var hookUrl = receiver.Urls.Single() + "/hooks";

        await using var browser = await CommunityBrowser.StartAsync(new Dictionary<string, string?> { ["Community:AllowPrivateWebhookTargets"] = "true" });
        var creator = await browser.SignedInPageAsync("carol");
        var follower = await browser.SignedInPageAsync("dave");

        await creator.GotoAsync("/dashboard/community");
        await creator.GetByLabel("URL").FillAsync(hookUrl);
        await creator.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        var secret = await creator.Locator(".community-message code").TextContentAsync();
        Assert.False(string.IsNullOrEmpty(secret));
        await Assertions.Expect(creator.Locator("li", new() { HasText = hookUrl })).ToContainTextAsync("channel.follow");

        // Shown once: a fresh load no longer has it.
        await creator.GotoAsync("/dashboard/community");
        await Assertions.Expect(creator.GetByText(secret!)).ToHaveCountAsync(0);

        await CommunityBrowser.FollowFromChannelPageAsync(follower, "carol");
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(CommunityBrowser.WaitMilliseconds));
        var delivery = await received.Reader.ReadAsync(wait.Token);
        Assert.Equal("channel.follow", delivery.Headers.GetValueOrDefault("Spectra-Event"));
        Assert.Contains("\"dave\"", Encoding.UTF8.GetString(delivery.Body), StringComparison.Ordinal);
        var timestamp = delivery.Headers.GetValueOrDefault("Spectra-Timestamp");
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(delivery.Body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret!), signed));
        Assert.Equal(expected, delivery.Headers.GetValueOrDefault("Spectra-Signature"));

        // The dispatcher records the outcome right after the answer; the log is a page to reload, not a live view.
        var row = creator.Locator(".community-table tbody tr", new() { HasText = "channel.follow" });
        var deadline = DateTime.UtcNow.AddMilliseconds(CommunityBrowser.WaitMilliseconds);
        do
        {
            await creator.ReloadAsync();
        }
        while (!(await row.TextContentAsync() ?? string.Empty).Contains("succeeded", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("succeeded");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("204");
    }
}
