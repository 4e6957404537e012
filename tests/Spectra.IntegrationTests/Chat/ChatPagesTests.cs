using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

public partial class ChatPagesTests
{
    [Fact]
    public async Task ChannelAndPopoutPages_ExistingChannel_RenderChatPanel()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var anonymous = chat.Host.CreateClient();

        var channelPage = await anonymous.Http.GetStringAsync("/alice");
        var popout = await anonymous.Http.GetStringAsync("/alice/chat");
        using var missing = await anonymous.Http.GetAsync("/nobody/chat");

        Assert.Contains("data-spectra-chat", channelPage, StringComparison.Ordinal);
        Assert.Contains("/dist/chat.js", channelPage, StringComparison.Ordinal);
        Assert.Contains("data-mode=\"popout\"", popout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DashboardChat_OwnerSavesSettingsAndModerator_ViewerForbidden()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");

        using var page = await owner.Http.GetAsync("/dashboard/chat");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var forbidden = await viewer.Http.GetAsync("/dashboard/chat/alice");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);

        using var saved = await owner.PostFormAsync("/dashboard/chat/alice?handler=Settings", new()
        {
            ["chatEnabled"] = "true",
            ["slowModeSeconds"] = "15",
            ["followersOnly"] = "true",
            ["followersMinutes"] = "10",
            ["maxMessageLength"] = "300",
        }, "/dashboard/chat/alice");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var added = await owner.PostFormAsync("/dashboard/chat/alice?handler=AddModerator", new() { ["userName"] = "bob" }, "/dashboard/chat/alice");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var (_, join) = await chat.JoinAsync("alice", viewer);
        var settings = join.GetProperty("settings");
        Assert.Equal(15, settings.GetProperty("slowModeSeconds").GetInt32());
        Assert.Equal(10, settings.GetProperty("followersOnlyMinutes").GetInt32());
        Assert.Equal(300, settings.GetProperty("maxMessageLength").GetInt32());
        Assert.False(settings.GetProperty("linksAllowed").GetBoolean());
        Assert.True(join.GetProperty("me").GetProperty("canModerate").GetBoolean());
        using var nowAllowed = await viewer.Http.GetAsync("/dashboard/chat/alice");
        Assert.Equal(HttpStatusCode.OK, nowAllowed.StatusCode);
    }

    [Fact]
    public async Task Overlay_Regenerated_NewAddressWorksOldOneDoesNot()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var anonymous = chat.Host.CreateClient();

        var first = await RegenerateAsync(owner);
        var overlay = await anonymous.Http.GetStringAsync(first);
        Assert.Contains("data-mode=\"overlay\"", overlay, StringComparison.Ordinal);
        Assert.Contains("data-channel=\"alice\"", overlay, StringComparison.Ordinal);
        Assert.Contains("data-hub=\"/hubs/chat?role=overlay\"", overlay, StringComparison.Ordinal);

        var second = await RegenerateAsync(owner);
        using var old = await anonymous.Http.GetAsync(first);
        using var current = await anonymous.Http.GetAsync(second);
        using var guessed = await anonymous.Http.GetAsync("/overlay/guess");
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);

        await using var scope = chat.Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var hash = await db.ChatSettings.AsNoTracking().Select(s => s.OverlayTokenHash).SingleAsync();
        Assert.DoesNotContain(hash!, second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModerationPage_HeldAndReported_ResolvedThroughForms()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        using var term = await owner.PostFormAsync("/dashboard/chat/alice?handler=AddTerm", new() { ["term"] = "spoiler", ["action"] = "hold" }, "/dashboard/chat/alice");
        var (bob, _) = await chat.JoinAsync("alice", viewer);
        var (reader, _) = await chat.JoinAsync("alice");
        Assert.Equal("held", Status(await bob.InvokeAsync("SendMessage", "alice", "spoiler: the end")));
        var reported = (await bob.InvokeAsync("SendMessage", "alice", "meh")).GetProperty("message").GetProperty("id").GetString();
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        await ownerClient.InvokeAsync("ReportMessage", "alice", reported, "test");

        var page = await owner.Http.GetStringAsync("/dashboard/chat-moderation/alice");
        Assert.Contains("spoiler: the end", page, StringComparison.Ordinal);
        Assert.Contains("term.add", page, StringComparison.Ordinal);

        Guid heldId, reportId;
        await using (var scope = chat.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            heldId = await db.ChatMessages.Where(m => m.State == ChatMessageState.Held).Select(m => m.Id).SingleAsync();
            reportId = await db.ChatReports.Select(r => r.Id).SingleAsync();
        }

        using var approve = await owner.PostFormAsync("/dashboard/chat-moderation/alice?handler=Review", new() { ["messageId"] = heldId.ToString(), ["approve"] = "true" }, "/dashboard/chat-moderation/alice");
        using var delete = await owner.PostFormAsync("/dashboard/chat-moderation/alice?handler=Resolve", new() { ["reportId"] = reportId.ToString(), ["delete"] = "true" }, "/dashboard/chat-moderation/alice");

        await WaitForMessageAsync(reader, "spoiler: the end");
        await reader.WaitForAsync("messagesDeleted", d => d.Arguments[0].GetProperty("messageIds")[0].GetString() == reported);
        var after = await owner.Http.GetStringAsync("/dashboard/chat-moderation/alice");
        Assert.Contains("held.approve", after, StringComparison.Ordinal);
        Assert.Contains("Reports (0)", after, StringComparison.Ordinal);
    }

    private static async Task<string> RegenerateAsync(Spectra.Testing.TestClient owner)
    {
        using var response = await owner.PostFormAsync("/dashboard/chat/alice?handler=Overlay", [], "/dashboard/chat/alice");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await owner.Http.GetStringAsync("/dashboard/chat/alice");
        var match = OverlayUrl().Match(page);
        Assert.True(match.Success, "The overlay address is shown after regenerating.");
        return new Uri(match.Groups[1].Value).PathAndQuery;
    }

    [GeneratedRegex("id=\"overlay-url\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex OverlayUrl();
}
