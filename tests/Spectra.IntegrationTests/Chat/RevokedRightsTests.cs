using Microsoft.AspNetCore.SignalR;
using Spectra.Testing;
using Spectra.Testing.Chat;

namespace Spectra.IntegrationTests.Chat;

/// <summary>
/// Rights revoked from another process (the CLI against the same database) end at once for privileged
/// hub calls and, within the revalidation interval, for the whole connection.
/// </summary>
public sealed class RevokedRightsTests
{
    private static readonly object Settings = new { chatEnabled = false, slowModeSeconds = 0, followersOnlyMinutes = (int?)null, emoteOnly = false, linksAllowed = false, maxMessageLength = 500 };

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AdminRevokedByCli_OpenConnection_PrivilegedCallsRefusedAndConnectionClosed(DatabaseKind database)
    {
        // A long revalidation interval: the refusal must come from the check on the call itself.
        await using var chat = await ChatTestHost.StartAsync(database, new Dictionary<string, string?> { ["Accounts:ConnectionRevalidationInterval"] = "00:10:00" });
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (adminClient, join) = await chat.JoinAsync("alice", chat.Admin);
        Assert.True(join.GetProperty("me").GetProperty("canModerate").GetBoolean());
        await adminClient.InvokeAsync("UpdateSettings", "alice", Settings);

        var (exit, _, error) = await chat.Host.RunCliAsync("", "user", "admin", "siteadmin", "--revoke");
        Assert.True(exit == 0, error);

        var refused = await Assert.ThrowsAsync<HubException>(() => adminClient.InvokeAsync("TimeoutUser", "alice", "bob", 60, null));
        Assert.Contains("sign in again", refused.Message, StringComparison.Ordinal);
        await adminClient.Closed.WaitAsync(ChatHubClient.DefaultTimeout);
        var (ownerClient, ownerJoin) = await chat.JoinAsync("alice", owner);
        Assert.False(ownerJoin.GetProperty("settings").GetProperty("chatEnabled").GetBoolean());
        var sent = await ownerClient.InvokeAsync("SendMessage", "alice", "/timeout bob 60");
        Assert.Equal("command", sent.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AdminRevokedByCli_IdleConnection_ClosedByRevalidation()
    {
        await using var chat = await ChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:ConnectionRevalidationInterval"] = "00:00:01" });
        using var owner = await chat.SignUpAsync("alice");
        var (adminClient, _) = await chat.JoinAsync("alice", chat.Admin);

        var (exit, _, error) = await chat.Host.RunCliAsync("", "user", "admin", "siteadmin", "--revoke");
        Assert.True(exit == 0, error);

        await adminClient.Closed.WaitAsync(ChatHubClient.DefaultTimeout);
    }

    [Fact]
    public async Task CommandOnOpenConnection_AfterAdminRevoked_Refused()
    {
        await using var chat = await ChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:ConnectionRevalidationInterval"] = "00:10:00" });
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (adminClient, _) = await chat.JoinAsync("alice", chat.Admin);

        var (exit, _, error) = await chat.Host.RunCliAsync("", "user", "admin", "siteadmin", "--revoke");
        Assert.True(exit == 0, error);

        await Assert.ThrowsAsync<HubException>(() => adminClient.InvokeAsync("SendMessage", "alice", "/timeout bob 60"));
        var (bobClient, _) = await chat.JoinAsync("alice", viewer);
        var bobSent = await bobClient.InvokeAsync("SendMessage", "alice", "not timed out");
        Assert.Equal("posted", bobSent.GetProperty("status").GetString());
    }
}
