using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Videos;
using Spectra.Media.Recording;
using Spectra.Server.Videos.Internal;
using Spectra.Storage;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Videos;

/// <summary>The retention and quota sweep on real databases and the real local store (videos made by hand, no ffmpeg).</summary>
public sealed class VideoRetentionTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Sweep_RetentionAndQuota_DeletesOldestFirstAndRecordsIt(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Videos:ChannelQuotaBytes"] = "2500",
            ["Videos:SweepInterval"] = "1.00:00:00",
        });
        await host.SignUpAsync("olga");
        await host.SignUpAsync("pete");
        var now = DateTime.UtcNow;
        Guid olgaChannel, peteChannel;
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            olgaChannel = await db.Channels.Where(c => c.Owner.UserName == "olga").Select(c => c.Id).SingleAsync();
            peteChannel = await db.Channels.Where(c => c.Owner.UserName == "pete").Select(c => c.Id).SingleAsync();
            await db.Channels.Where(c => c.Id == olgaChannel).ExecuteUpdateAsync(s => s.SetProperty(c => c.VideoRetentionDays, 30));
        }

        // olga: one video past 30 days, four within, 1000 bytes each (4000 > 2500: the two oldest recent ones go too);
        // pete: no retention, 2000 bytes in total (within the quota); one still recording (never touched).
        var olga = new[] { -40, -20, -10, -5, -1 }.Select(d => AddVideo(olgaChannel, now.AddDays(d), 1000, VideoStatus.Ready)).ToList();
        var pete = new[] { AddVideo(peteChannel, now.AddDays(-400), 1000, VideoStatus.Ready), AddVideo(peteChannel, now.AddDays(-1), 1000, VideoStatus.Ready), AddVideo(peteChannel, now, 5000, VideoStatus.Recording) };
        await SaveAsync(host, [.. olga.Select(v => v.Video), .. pete.Select(v => v.Video)]);
        var store = host.GetRequiredService<IObjectStore>();
        foreach (var (video, key) in olga.Concat(pete))
        {
            await store.WriteAsync(key, new MemoryStream(new byte[16]));
        }

        var deleted = await host.GetRequiredService<VideoRetentionSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(3, deleted);
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var left = await db.Videos.Select(v => v.Id).ToListAsync();
            var expected = olga.Skip(3).Select(v => v.Video.Id).Concat(pete.Select(v => v.Video.Id)).ToHashSet();
            Assert.True(expected.SetEquals(left), "the video past 30 days and the two oldest beyond the quota are gone, nothing else");
            var olgaRow = await db.Channels.SingleAsync(c => c.Id == olgaChannel);
            Assert.Equal(3, olgaRow.VideosSweptCount);
            Assert.NotNull(olgaRow.VideosSweptAt);
            Assert.Null((await db.Channels.SingleAsync(c => c.Id == peteChannel)).VideosSweptAt);
        }

        foreach (var (video, key) in olga.Take(3))
        {
            Assert.Null(await store.GetInfoAsync(key));
        }

        foreach (var (video, key) in olga.Skip(3).Concat(pete))
        {
            Assert.NotNull(await store.GetInfoAsync(key));
        }

        // A second sweep finds nothing more to do.
        Assert.Equal(0, await host.GetRequiredService<VideoRetentionSweeper>().SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DashboardForm_RetentionAndRecordingSwitch_SavedOrRefusedWithReason()
    {
        await using var host = await SpectraHost.StartAsync();
        using var quinn = await host.SignUpAsync("quinn");

        foreach (var bad in new[] { "0", "-5", "99999", "ten" })
        {
            var refused = await quinn.PostFormAsync("/dashboard/videos", new() { ["RecordingEnabled"] = "false", ["RetentionDays"] = bad }, "/dashboard/videos");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("days", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using (var scope = host.CreateScope())
        {
            var channel = await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Channels.SingleAsync(c => c.Owner.UserName == "quinn");
            Assert.True(channel.RecordingEnabled, "nothing changed by a refused form");
            Assert.Null(channel.VideoRetentionDays);
        }

        var saved = await quinn.PostFormAsync("/dashboard/videos", new() { ["RecordingEnabled"] = "false", ["RetentionDays"] = "14" }, "/dashboard/videos");
        Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
        await using (var scope = host.CreateScope())
        {
            var channel = await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Channels.SingleAsync(c => c.Owner.UserName == "quinn");
            Assert.False(channel.RecordingEnabled);
            Assert.Equal(14, channel.VideoRetentionDays);
        }
    }

    [Fact]
    public async Task ListVideos_NewerPrivateVideos_DoNotTakePlacesInAStrangersPage()
    {
        await using var host = await SpectraHost.StartAsync();
        using var rosa = await host.SignUpAsync("rosa");
        Guid channel;
        await using (var scope = host.CreateScope())
        {
            channel = await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Channels.Where(c => c.Owner.UserName == "rosa").Select(c => c.Id).SingleAsync();
        }

        var older = AddVideo(channel, DateTime.UtcNow.AddDays(-2), 1000, VideoStatus.Ready).Video;
        var newer = AddVideo(channel, DateTime.UtcNow.AddDays(-1), 1000, VideoStatus.Ready).Video;
        newer.Visibility = VideoVisibility.Private;
        await SaveAsync(host, [older, newer]);

        using var stranger = host.CreateClient();
        var page = await stranger.Http.GetStringAsync("/api/v1/channels/rosa/videos?limit=1");
        Assert.Contains(older.Id.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(newer.Id.ToString(), page, StringComparison.Ordinal);
        var own = await rosa.Http.GetStringAsync("/api/v1/channels/rosa/videos?limit=1");
        Assert.Contains(newer.Id.ToString(), own, StringComparison.Ordinal);
    }

    private static (Video Video, string Key) AddVideo(Guid channelId, DateTime startedAt, long bytes, VideoStatus status)
    {
        var video = new Video { Id = Guid.CreateVersion7(), ChannelId = channelId, Title = "v", StartedAt = startedAt, StorageBytes = bytes, Status = status };
        return (video, RecordingKeys.Manifest(video.Id));
    }

    private static async Task SaveAsync(SpectraHost host, IEnumerable<Video> videos)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        db.Videos.AddRange(videos);
        await db.SaveChangesAsync();
    }
}
