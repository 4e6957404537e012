using System.Text.Json;
using Spectra.Testing;
using Spectra.Testing.Chat;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

public class ChatMessagingTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SendMessage_SignedInSender_EveryJoinedClientReceivesIt(DatabaseKind database)
    {
        await using var chat = await ChatTestHost.StartAsync(database);
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (reader, join) = await chat.JoinAsync("alice");
        var (sender, _) = await chat.JoinAsync("ALICE", viewer);

        Assert.Equal("alice", join.GetProperty("channel").GetString());
        Assert.Equal(0, join.GetProperty("messages").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, join.GetProperty("me").ValueKind);

        var result = await sender.InvokeAsync("SendMessage", "alice", "hello <b>world</b>");

        Assert.Equal("posted", Status(result));
        var delivered = await WaitForMessageAsync(reader, "hello <b>world</b>");
        Assert.Equal("bob", delivered.GetProperty("senderName").GetString());
        Assert.Equal(1, delivered.GetProperty("seq").GetInt64());
        Assert.Equal(0, delivered.GetProperty("badges").GetArrayLength());
        Assert.Equal("text", delivered.GetProperty("segments")[0].GetProperty("type").GetString());
        await WaitForMessageAsync(sender, "hello <b>world</b>");
    }

    [Fact]
    public async Task SendMessage_Anonymous_RefusedWithSignInError()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (reader, _) = await chat.JoinAsync("alice");

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => reader.InvokeAsync("SendMessage", "alice", "hi"));

        Assert.Contains("Sign in", error.Message, StringComparison.Ordinal);
    }
}
