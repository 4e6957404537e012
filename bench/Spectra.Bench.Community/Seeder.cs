using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Bench.Community;

/// <summary>
/// Fills a Spectra database with <see cref="BulkWriter"/> in batches of 20 000 rows: users with channels from <see cref="ChannelCorpus"/>
/// (unusable password hashes: these users never sign in) and follows.
/// </summary>
public sealed class Seeder(IServiceProvider services)
{
    private const int Batch = 20_000;

    public async Task<(List<Guid> UserIds, List<Guid> ChannelIds, List<string> Names, List<int> Categories)> ChannelsAsync(int count)
    {
        var started = Stopwatch.StartNew();
        var corpus = new ChannelCorpus(42);
        var categoryIds = new List<int>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            // The categories the foundation migration seeds; corpus categories map onto them.
            categoryIds.AddRange(await db.Set<Category>().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        }

        var userIds = new List<Guid>(count);
        var channelIds = new List<Guid>(count);
        var names = new List<string>(count);
        var categories = new List<int>(count);
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += Batch)
        {
            var users = new List<User>(Batch);
            var channels = new List<Channel>(Batch);
            var tagRows = new List<ChannelTag>();
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var (name, title, category, tags) = corpus.Next(i);

                // A catalogue built up over time: one channel a minute (10⁵ channels span ~70 days),
                // so "recently updated" is a small slice, as on a real site.
                var created = now - TimeSpan.FromMinutes(count - i);
                var user = new User { Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), PasswordHash = "!", SecurityStamp = "!", CreatedAt = created };
                var channel = new Channel
                {
                    Id = Guid.NewGuid(),
                    OwnerId = user.Id,
                    Title = title,
                    CategoryId = categoryIds[category % categoryIds.Count],
                    Description = string.Empty,
                    StreamKeyHash = Guid.NewGuid().ToString("N"),
                    StreamKeyProtected = "!",
                    CreatedAt = created,
                    UpdatedAt = created,
                };
                tagRows.AddRange(tags.Select(tag => new ChannelTag { ChannelId = channel.Id, Tag = tag }));
                users.Add(user);
                channels.Add(channel);
                userIds.Add(user.Id);
                channelIds.Add(channel.Id);
                names.Add(name);
                categories.Add(category);
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            await BulkWriter.InsertAsync(db, users);
            await BulkWriter.InsertAsync(db, channels);
            await BulkWriter.InsertAsync(db, tagRows);
        }

        Console.WriteLine($"seeded {count} users and channels in {started.Elapsed.TotalSeconds:0.0} s");
        return (userIds, channelIds, names, categories);
    }

    public async Task FollowsAsync(IEnumerable<(Guid Follower, Guid Channel)> follows)
    {
        var started = Stopwatch.StartNew();
        var total = 0;
        foreach (var chunk in follows.Chunk(Batch))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var now = DateTime.UtcNow;
            await BulkWriter.InsertAsync(db, chunk.Select(f => new Follow { FollowerId = f.Follower, ChannelId = f.Channel, CreatedAt = now }).ToList());
            total += chunk.Length;
        }

        Console.WriteLine($"seeded {total} follows in {started.Elapsed.TotalSeconds:0.0} s");
    }
}
