using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spectra.Data;
using Spectra.Data.Entities.Community;
using Spectra.Server.Community.Schedule;

namespace Spectra.BrowserTests.Community;

/// <summary>A show added from the creator's dashboard reaches followers: channel page, /schedule and the iCalendar export.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class ScheduleBrowserTests
{
    [Fact]
    public async Task DashboardScheduleForm_AddShow_FollowerSeesItAndDownloadsCalendar()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var creator = await browser.SignedInPageAsync("carol");
        var follower = await browser.SignedInPageAsync("dave");
        await CommunityBrowser.FollowFromChannelPageAsync(follower, "carol");

        // The form's time is UTC; whole minutes, a day ahead so it is upcoming whatever the clock says.
        var startsAt = DateTime.UtcNow.AddDays(1);
        startsAt = new DateTime(startsAt.Year, startsAt.Month, startsAt.Day, startsAt.Hour, startsAt.Minute, 0, DateTimeKind.Utc);
        const string title = "Speedrun marathon & friends";
        await creator.GotoAsync("/dashboard/community");
        await creator.GetByLabel("Title").FillAsync(title);
        await creator.GetByLabel("Starts (UTC)").FillAsync(startsAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await creator.GetByLabel("Minutes").FillAsync("90");
        await creator.GetByLabel("Description").FillAsync("Three games back to back");
        await creator.GetByRole(AriaRole.Button, new() { Name = "Add show" }).ClickAsync();
        await Assertions.Expect(creator.Locator("li", new() { HasText = title })).ToContainTextAsync(startsAt.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC");

        await follower.ReloadAsync();
        var onChannel = follower.Locator(".community-schedule li", new() { HasText = title });
        await Assertions.Expect(onChannel).ToBeVisibleAsync();
        await Assertions.Expect(onChannel.Locator("time")).ToHaveAttributeAsync("datetime", startsAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        await follower.GotoAsync("/schedule");
        await Assertions.Expect(follower.GetByText("Upcoming shows of the channels you follow.")).ToBeVisibleAsync();
        var show = follower.Locator(".community-schedule li", new() { HasText = title });
        await Assertions.Expect(show).ToContainTextAsync("carol");
        await Assertions.Expect(show).ToContainTextAsync("Three games back to back");

        var href = await show.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" }).GetAttributeAsync("href");
        Assert.Equal("/api/v1/channels/carol/schedule.ics", href);
        var calendar = await follower.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, calendar.Status);
        Assert.StartsWith("text/calendar", calendar.Headers["content-type"], StringComparison.Ordinal);
        var ics = await calendar.TextAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:carol: " + title + "\r\n", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART:" + startsAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledShow_WhenItStarts_FollowersOpenPageShowsNotification()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var creator = await browser.SignedInPageAsync("carol");
        var follower = await browser.SignedInPageAsync("dave");
        await CommunityBrowser.FollowFromChannelPageAsync(follower, "carol");

        await creator.GotoAsync("/dashboard/community");
        await creator.GetByLabel("Title").FillAsync("Late night chess");
        await creator.GetByLabel("Starts (UTC)").FillAsync(DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await creator.GetByRole(AriaRole.Button, new() { Name = "Add show" }).ClickAsync();
        await Assertions.Expect(creator.Locator("li", new() { HasText = "Late night chess" })).ToBeVisibleAsync();

        // The follower waits on the schedule page with the notification socket open (hello received).
        await CommunityBrowser.GotoWithNotificationSocketAsync(follower, "/schedule");

        // The start time arrives: move it into the past and run the notifier's 15 s pass once.
        await using (var scope = browser.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            await db.Set<ScheduledShow>().Where(s => s.Title == "Late night chess")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(1, await browser.Host.GetRequiredService<ScheduleNotifier>().RunOnceAsync(CancellationToken.None));
        var toast = follower.Locator(".community-toast", new() { HasText = "carol: Late night chess starts now" });
        await Assertions.Expect(toast).ToBeVisibleAsync();
        await Assertions.Expect(follower.Locator(".community-bell [data-unread]")).ToHaveTextAsync("1");
        await toast.ClickAsync();
        await Assertions.Expect(follower).ToHaveURLAsync(new Regex("/carol$"));
    }
}
