using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Bench.Community;

/// <summary>
/// Fills a Spectra database through EF Core in batches: users with channels from <see cref="ChannelCorpus"/>
/// (unusable password hashes: these users never sign in) and follows.
/// </summary>
public sealed class Seeder(IServiceProvider services)
{
    private const int Batch = 2000;

    public async Task<(List<Guid> UserIds, List<Guid> ChannelIds, List<string> Names, List<int> Categories)> ChannelsAsync(int count)
    {
        var started = Stopwatch.StartNew();
        var corpus = new ChannelCorpus(42);
        var categoryIds = new List<int>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            foreach (var name in ChannelCorpus.Categories)
            {
                var slug = "bench-" + name.ToLowerInvariant().Replace(' ', '-');
                var category = await db.Set<Category>().FirstOrDefaultAsync(c => c.Slug == slug);
                if (category is null)
                {
                    category = new Category { Slug = slug, Name = name };
                    db.Add(category);
                    await db.SaveChangesAsync();
                }

                categoryIds.Add(category.Id);
            }
        }

        var userIds = new List<Guid>(count);
        var channelIds = new List<Guid>(count);
        var names = new List<string>(count);
        var categories = new List<int>(count);
        for (var start = 0; start < count; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var (name, title, category, tags) = corpus.Next(i);
                var user = new User { Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), PasswordHash = "!", CreatedAt = now };
                var channel = new Channel
                {
                    Id = Guid.NewGuid(),
                    OwnerId = user.Id,
                    Title = title,
                    CategoryId = categoryIds[category],
                    Description = string.Empty,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                foreach (var tag in tags)
                {
                    channel.Tags.Add(new ChannelTag { ChannelId = channel.Id, Tag = tag });
                }

                db.Add(user);
                db.Add(channel);
                userIds.Add(user.Id);
                channelIds.Add(channel.Id);
                names.Add(name);
                categories.Add(category);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"seeded {count} users and channels in {started.Elapsed.TotalSeconds:0.0} s");
        return (userIds, channelIds, names, categories);
    }

    public async Task FollowsAsync(IEnumerable<(Guid Follower, Guid Channel)> follows)
    {
        var started = Stopwatch.StartNew();
        var total = 0;
        foreach (var chunk in follows.Chunk(Batch * 2))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            foreach (var (follower, channel) in chunk)
            {
                db.Add(new Follow { FollowerId = follower, ChannelId = channel, CreatedAt = now });
            }

            await db.SaveChangesAsync();
            total += chunk.Length;
        }

        Console.WriteLine($"seeded {total} follows in {started.Elapsed.TotalSeconds:0.0} s");
    }
}
