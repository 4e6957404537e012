using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Community;
using Spectra.Testing;
using Spectra.Testing.Community;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class FollowsTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Follow_OtherChannel_ListedWithDateOnBothSides(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        var bob = Unique("bob");
        using var aliceClient = await host.SignUpAsync(alice);
        using var bobClient = await host.SignUpAsync(bob);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await bobClient.PutAsync($"/api/v1/channels/{alice}/follow", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var followers = await aliceClient.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{alice}/followers");
        Assert.Equal(1, followers.GetProperty("total").GetInt32());
        var entry = followers.GetProperty("followers")[0];
        Assert.Equal(bob, entry.GetProperty("userName").GetString());
        Assert.True(entry.GetProperty("followedAt").GetDateTime().ToUniversalTime() >= before);
        var following = await bobClient.GetFromJsonAsync<JsonElement>("/api/v1/me/following");
        Assert.Equal(alice, following[0].GetProperty("channelName").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Follow_Twice_ConflictAndOneRow(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var _ = await host.SignUpAsync(alice);
        using var bob = await host.SignUpAsync(Unique("bob"));

        Assert.Equal(HttpStatusCode.NoContent, (await bob.PutAsync($"/api/v1/channels/{alice}/follow", null)).StatusCode);
        var second = await bob.PutAsync($"/api/v1/channels/{alice}/follow", null);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        await using var scope = host.Services.CreateAsyncScope();
        var channelId = await host.ChannelIdAsync(alice);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Set<Follow>().CountAsync(f => f.ChannelId == channelId));
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Follow_Self_BadRequest(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var client = await host.SignUpAsync(alice);

        var response = await client.PutAsync($"/api/v1/channels/{alice}/follow", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("own channel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Follow_UnknownChannel_NotFound(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var client = await host.SignUpAsync(Unique("bob"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync("/api/v1/channels/nobody-here/follow", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Block_ExistingFollower_RemovesFollowAndRefusesNewOne(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        var bob = Unique("bob");
        using var aliceClient = await host.SignUpAsync(alice);
        using var bobClient = await host.SignUpAsync(bob);
        await bobClient.PutAsync($"/api/v1/channels/{alice}/follow", null);

        Assert.Equal(HttpStatusCode.NoContent, (await aliceClient.PutAsync($"/api/v1/users/{bob}/block", null)).StatusCode);

        var followers = await aliceClient.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{alice}/followers");
        Assert.Equal(0, followers.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await bobClient.PutAsync($"/api/v1/channels/{alice}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aliceClient.PutAsync($"/api/v1/channels/{bob}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await aliceClient.PutAsync($"/api/v1/users/{bob}/block", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await aliceClient.PutAsync($"/api/v1/users/{alice}/block", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await aliceClient.DeleteAsync($"/api/v1/users/{bob}/block")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bobClient.PutAsync($"/api/v1/channels/{alice}/follow", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Unfollow_Followed_RemovesAndSecondTimeNotFound(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var _ = await host.SignUpAsync(alice);
        using var bob = await host.SignUpAsync(Unique("bob"));
        await bob.PutAsync($"/api/v1/channels/{alice}/follow", null);

        Assert.Equal(HttpStatusCode.NoContent, (await bob.DeleteAsync($"/api/v1/channels/{alice}/follow")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/v1/channels/{alice}/follow")).StatusCode);
    }

    [Fact]
    public async Task Follow_SignedOut_Unauthorized()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        var alice = Unique("alice");
        using var _ = await host.SignUpAsync(alice);
        using var anonymous = host.CreateClient();

        var response = await anonymous.PutAsync($"/api/v1/channels/{alice}/follow", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
