using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Spectra.Server.Community.Webhooks;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class WebhooksTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Community:AllowPrivateWebhookTargets"] = "true",
        ["Community:WebhookBaseDelayMilliseconds"] = "50",
        ["Community:WebhookMaxDelayMilliseconds"] = "200",
        ["Community:WebhookMaxAttempts"] = "4",
    };

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Follow_ReceiverFailsTwice_SignedDeliveryRetriedUntilSuccess(DatabaseKind database)
    {
        await using var receiver = await Receiver.StartAsync(failFirst: 2);
        await using var host = await SpectraHost.StartAsync(database, FastRetries);
        var alice = Unique("alice");
        var bob = Unique("bob");
        using var aliceClient = await host.SignUpAsync(alice);
        using var bobClient = await host.SignUpAsync(bob);
        var created = await aliceClient.PostAsJsonAsync("/api/v1/me/webhooks", new { url = receiver.Url, events = new[] { "channel.follow" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        await bobClient.PutAsync($"/api/v1/channels/{alice}/follow", null);

        var delivered = await receiver.Succeeded.Task.WaitAsync(WaitLimit);
        Assert.Equal(3, receiver.Attempts.Count);
        Assert.All(receiver.Attempts, a => Assert.True(WebhookSigner.Verify(secret, a.Timestamp, a.Body, a.Signature)));
        Assert.Single(receiver.Attempts.Select(a => a.DeliveryId).Distinct());
        var body = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal("channel.follow", body.GetProperty("type").GetString());
        Assert.Equal(bob, body.GetProperty("data").GetProperty("follower").GetProperty("name").GetString());

        var log = await WaitForStateAsync(aliceClient, "succeeded");
        Assert.Equal(3, log.GetProperty("attempts").GetInt32());
        Assert.Equal(200, log.GetProperty("lastStatusCode").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task GoLive_Subscribed_StreamOnlineDelivered(DatabaseKind database)
    {
        await using var receiver = await Receiver.StartAsync(failFirst: 0);
        await using var host = await SpectraHost.StartAsync(database, FastRetries);
        var alice = Unique("alice");
        using var aliceClient = await host.SignUpAsync(alice);
        await aliceClient.PostAsJsonAsync("/api/v1/me/webhooks", new { url = receiver.Url, events = new[] { "stream.online", "stream.offline" } });

        await GoLiveAsync(host, alice);

        var delivered = await receiver.Succeeded.Task.WaitAsync(WaitLimit);
        Assert.Equal("stream.online", delivered.Event);
    }

    [Fact]
    public async Task Delivery_ReceiverAlways404_NotRetried()
    {
        await using var receiver = await Receiver.StartAsync(failFirst: int.MaxValue, failStatus: 404);
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite, FastRetries);
        var alice = Unique("alice");
        using var aliceClient = await host.SignUpAsync(alice);
        using var bobClient = await host.SignUpAsync(Unique("bob"));
        await aliceClient.PostAsJsonAsync("/api/v1/me/webhooks", new { url = receiver.Url });

        await bobClient.PutAsync($"/api/v1/channels/{alice}/follow", null);

        var log = await WaitForStateAsync(aliceClient, "failed");
        Assert.Equal(1, log.GetProperty("attempts").GetInt32());
        Assert.Equal(404, log.GetProperty("lastStatusCode").GetInt32());
        Assert.Single(receiver.Attempts);
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://169.254.169.254/latest")]
    [InlineData("http://[::1]/hook")]
    public async Task Create_BadOrPrivateUrl_RefusedAndNothingStored(string url)
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var client = await host.SignUpAsync(Unique("alice"));

        var response = await client.PostAsJsonAsync("/api/v1/me/webhooks", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/webhooks")).GetArrayLength());
    }

    [Fact]
    public async Task Create_UnknownEvent_Refused()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite, FastRetries);
        using var client = await host.SignUpAsync(Unique("alice"));

        var response = await client.PostAsJsonAsync("/api/v1/me/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "stream.exploded" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("stream.exploded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForStateAsync(TestClient client, string state)
    {
        using var cts = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var deliveries = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/webhooks/deliveries", cts.Token);
            if (deliveries.GetArrayLength() > 0 && deliveries[0].GetProperty("state").GetString() == state)
            {
                return deliveries[0];
            }

            await Task.Delay(50, cts.Token); // Polling the public API; bounded by the token.
        }
    }

    /// <summary>A webhook receiver on 127.0.0.1: fails the first N requests with a status, then answers 200.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _failuresLeft;

        private Receiver(WebApplication app, int failFirst)
        {
            _app = app;
            _failuresLeft = failFirst;
        }

        public string Url => _app.Urls.First() + "/hook";

        public ConcurrentQueue<Attempt> Attempts { get; } = new();

        public TaskCompletionSource<Attempt> Succeeded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<Receiver> StartAsync(int failFirst, int failStatus = 503)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app, failFirst);
            app.MapPost("/hook", async (HttpRequest request) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                var attempt = new Attempt(
                    request.Headers[WebhookSigner.EventHeader].ToString(),
                    request.Headers[WebhookSigner.DeliveryHeader].ToString(),
                    long.Parse(request.Headers[WebhookSigner.TimestampHeader].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                    request.Headers[WebhookSigner.SignatureHeader].ToString(),
                    buffer.ToArray());
                receiver.Attempts.Enqueue(attempt);
                if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
                {
                    return Results.StatusCode(failStatus);
                }

                receiver.Succeeded.TrySetResult(attempt);
                return Results.Ok();
            });
            await app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed record Attempt(string Event, string DeliveryId, long Timestamp, string Signature, byte[] Body);
}
