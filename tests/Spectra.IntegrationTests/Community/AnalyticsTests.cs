using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Server.Community.Analytics;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class AnalyticsTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Broadcast_ViewersAndFollowers_SummarisedWithCharts(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, FastPresence);
        var alice = Unique("alice");
        using var aliceClient = await host.SignUpAsync(alice);
        await GoLiveAsync(host, alice);
        using var bob = await host.SignUpAsync(Unique("bob"));
        using var anonymous = host.CreateClient();

        // Bob and an anonymous viewer have the page open (concurrent viewers) and their players beat (unique viewers).
        await using var crowd = new ViewerCrowd(host);
        var bobChat = await crowd.JoinAsync(alice, bob);
        await crowd.JoinAsync(alice);
        await bob.PostAsync($"/api/v1/channels/{alice}/watch", null);
        await anonymous.PostAsync($"/api/v1/channels/{alice}/watch", null);
        await bob.PostAsync($"/api/v1/channels/{alice}/watch", null);
        await bob.PutAsync($"/api/v1/channels/{alice}/follow", null);
        await bobChat.InvokeAsync("SendMessage", alice, "first");
        await bobChat.InvokeAsync("SendMessage", alice, "second");
        await ViewerCrowd.WaitForViewersAsync(host, alice, 2);

        // A third viewer comes and goes between two samples: the peak still counts them.
        var passerBy = await crowd.JoinAsync(alice);
        await ViewerCrowd.WaitForViewersAsync(host, alice, 3);
        await passerBy.DisposeAsync();
        await ViewerCrowd.WaitForViewersAsync(host, alice, 2);
        await host.Services.GetRequiredService<ViewerSampler>().RunOnceAsync(CancellationToken.None);
        await GoOfflineAsync(host, alice);
        await bobChat.InvokeAsync("SendMessage", alice, "after the stream");

        var broadcasts = await aliceClient.GetFromJsonAsync<JsonElement>("/api/v1/me/analytics/broadcasts");
        var summary = broadcasts[0].GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("peakViewers").GetInt32());
        Assert.Equal(2, summary.GetProperty("uniqueViewers").GetInt32());
        Assert.Equal(1, summary.GetProperty("newFollowers").GetInt32());
        Assert.Equal(2, summary.GetProperty("chatMessages").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, summary.GetProperty("end").ValueKind);

        var period = await aliceClient.GetFromJsonAsync<JsonElement>("/api/v1/me/analytics?days=30");
        Assert.Equal(30, period.GetProperty("followersPerDay").GetArrayLength());
        Assert.Equal(1, period.GetProperty("followers").GetInt32());
        Assert.Equal(3, period.GetProperty("peakViewers").GetInt32());
        Assert.Equal(3, period.GetProperty("chatMessages").GetInt32());

        var page = await aliceClient.GetStringAsync("/dashboard/analytics?days=7");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("<polyline", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Chat messages</dt><dd>3</dd>", page, StringComparison.Ordinal);
    }
}
