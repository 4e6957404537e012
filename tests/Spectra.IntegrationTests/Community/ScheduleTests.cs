using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Community;
using Spectra.Server.Community.Schedule;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class ScheduleTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Schedule_FutureShow_ListedAndExportedAsICalendar(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var client = await host.SignUpAsync(alice);
        var start = DateTime.UtcNow.AddDays(2).Date.AddHours(18);

        var created = await client.PostAsJsonAsync("/api/v1/me/schedule", new { title = "Chess, night; live", description = "Line one\nline two", startsAt = start, durationMinutes = 90 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{alice}/schedule");
        Assert.Equal("Chess, night; live", list[0].GetProperty("title").GetString());
        var ics = await client.GetAsync($"/api/v1/channels/{alice}/schedule.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains($"DTSTART:{start:yyyyMMdd'T'HHmmss'Z'}\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"DTEND:{start.AddMinutes(90):yyyyMMdd'T'HHmmss'Z'}\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{alice}: Chess\\, night\\; live\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Line one\\nline two\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Chess, night; live", await client.GetStringAsync("/" + alice), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Schedule_InThePast_RefusedNothingStored(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var client = await host.SignUpAsync(alice);

        var response = await client.PostAsJsonAsync("/api/v1/me/schedule", new { title = "Too late", startsAt = DateTime.UtcNow.AddMinutes(-5) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("past", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{alice}/schedule")).GetArrayLength());
    }

    [Theory]
    [InlineData("", 60)]
    [InlineData("ok", 5)]
    [InlineData("ok", 100000)]
    public async Task Schedule_InvalidTitleOrDuration_Refused(string title, int minutes)
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var client = await host.SignUpAsync(Unique("alice"));

        var response = await client.PostAsJsonAsync("/api/v1/me/schedule", new { title, startsAt = DateTime.UtcNow.AddHours(1), durationMinutes = minutes });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Notifier_ShowStarts_FollowersNotifiedOnce(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var aliceClient = await host.SignUpAsync(alice);
        using var bob = await host.SignUpAsync(Unique("bob"));
        await bob.PutAsync($"/api/v1/channels/{alice}/follow", null);
        var created = await aliceClient.PostAsJsonAsync("/api/v1/me/schedule", new { title = "Opening prep", startsAt = DateTime.UtcNow.AddHours(1) });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The start time arrives: move it into the past instead of waiting for it.
            var now = DateTime.UtcNow.AddSeconds(-1);
            await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Set<ScheduledShow>()
                .Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, now));
        }

        var notifier = host.Services.GetRequiredService<ScheduleNotifier>();
        await notifier.RunOnceAsync(CancellationToken.None);
        await notifier.RunOnceAsync(CancellationToken.None);

        var list = await bob.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        var starting = list.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "schedule.starting").ToList();
        Assert.Single(starting);
        Assert.Contains("Opening prep", starting[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
