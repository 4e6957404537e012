using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Community.Search;
using Spectra.Testing;
using Spectra.Testing.Community;

namespace Spectra.IntegrationTests.Community;

/// <summary>Arranging channels, live state and sockets for community tests (each test owns its data).</summary>
internal static class CommunityTestSupport
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>Chat presence counted every 250 ms (default 3 s), viewer events on /live/events every second.</summary>
    public static readonly Dictionary<string, string?> FastPresence = new()
    {
        ["Chat:PresenceIntervalMilliseconds"] = "250",
        ["Live:ViewersEventInterval"] = "00:00:01",
    };

    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public static async Task<Guid> UserIdAsync(SpectraHost host, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var normalized = name.ToUpperInvariant();
        return await db.Set<User>().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Sets title, category (created when missing) and tags, then brings the search index up to date.</summary>
    public static async Task DescribeChannelAsync(SpectraHost host, string name, string title, string? category = null, params string[] tags)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var normalized = name.ToUpperInvariant();
            var channel = await db.Set<Channel>().Include(c => c.Tags).SingleAsync(c => c.Owner.NormalizedUserName == normalized);
            channel.Title = title;
            if (category is not null)
            {
                var slug = category.ToLowerInvariant().Replace(' ', '-');
                var existing = await db.Set<Category>().FirstOrDefaultAsync(c => c.Slug == slug);
                if (existing is null)
                {
                    existing = new Category { Slug = slug, Name = category };
                    db.Add(existing);
                    await db.SaveChangesAsync();
                }

                channel.CategoryId = existing.Id;
            }

            channel.Tags.Clear();
            foreach (var tag in tags)
            {
                channel.Tags.Add(new ChannelTag { ChannelId = channel.Id, Tag = tag });
            }

            channel.UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        await host.Services.GetRequiredService<SearchIndexHost>().CatchUpAllAsync(CancellationToken.None);
    }

    /// <summary>Publishes StreamOnline and waits until community handled it (notifications stored, webhooks queued).</summary>
    public static Task GoLiveAsync(SpectraHost host, string name) => host.GoLiveAsync(name, WaitLimit);

    public static Task GoOfflineAsync(SpectraHost host, string name) => host.GoOfflineAsync(name, WaitLimit);

    public static Task PublishAndWaitAsync<T>(SpectraHost host, T evt)
        where T : class => host.PublishAndWaitAsync(evt, WaitLimit);

    public static async Task<JsonElement> ReceiveJsonAsync(WebSocket socket)
    {
        using var cts = new CancellationTokenSource(WaitLimit);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cts.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
    }
}
