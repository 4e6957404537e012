using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Bench.Community;
using Spectra.Server.Community.Internal;
using Spectra.Server.Community.Recommendations;
using Spectra.Server.Community.Search;
using Spectra.Server.Events;
using Spectra.Testing;

// Community load generator: search latency on N channels, home page render with recommendations for
// a user with 500 follows, go-live fan-out to F followers with K of them connected. Results are
// printed as lines for docs/benchmarks.md.
var options = BenchOptions.Parse(args);
var database = options.Database.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseKind.Postgres : DatabaseKind.Sqlite;
Console.WriteLine($"database={database} channels={options.Channels} followers={options.Followers} connected={options.Connected} scenarios={string.Join(',', options.Scenarios)}");

await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?>
{
    // Background passes would compete with the measured ones: the bench triggers them itself.
    ["Community:SearchIndexIntervalSeconds"] = "3600",
    ["Community:RecommendationRefreshMinutes"] = "1440",
    ["Community:ViewerSampleSeconds"] = "3600",
});
var seeder = new Seeder(host.Services);
var (userIds, channelIds, names, categories) = await seeder.ChannelsAsync(options.Channels);
var corpus = new ChannelCorpus(7);

if (options.Scenarios.Contains("search"))
{
    var sw = Stopwatch.StartNew();
    var indexed = await host.Services.GetRequiredService<SearchIndexHost>().CatchUpAllAsync(CancellationToken.None);
    Console.WriteLine($"search: indexed {indexed} channels in {sw.Elapsed.TotalSeconds:0.0} s");
    var queries = corpus.Queries(names, options.Queries);
    foreach (var q in queries.Take(50))
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChannelSearchService>().SearchAsync(q, 20, CancellationToken.None);
    }

    var service = new List<double>();
    var empty = 0;
    foreach (var q in queries)
    {
        var start = Stopwatch.GetTimestamp();
        await using var scope = host.Services.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<ChannelSearchService>().SearchAsync(q, 20, CancellationToken.None);
        service.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        empty += results.Count == 0 ? 1 : 0;
    }

    Console.WriteLine($"search (service, {queries.Count} mixed queries, {empty} without results): {Percentiles.Of(service)}");
    using var client = host.CreateClient();
    var http = new List<double>();
    foreach (var q in queries)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.Http.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        http.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    Console.WriteLine($"search (HTTP GET /api/v1/search): {Percentiles.Of(http)}");
}

if (options.Scenarios.Contains("home"))
{
    // Taste: a user mostly follows channels of one category.
    var byCategory = Enumerable.Range(0, ChannelCorpus.Categories.Length)
        .Select(c => Enumerable.Range(0, channelIds.Count).Where(i => categories[i] == c).Select(i => channelIds[i]).ToArray()).ToArray();
    var random = new Random(11);
    IEnumerable<Guid> Taste(int count, int category)
    {
        var picked = new HashSet<Guid>();
        while (picked.Count < count)
        {
            var pool = random.NextDouble() < 0.8 ? byCategory[category] : [.. channelIds];
            picked.Add(pool[random.Next(pool.Length)]);
        }

        return picked;
    }

    var background = Math.Min(20_000, userIds.Count);
    var follows = new List<(Guid, Guid)>();
    for (var u = 0; u < background; u++)
    {
        foreach (var c in Taste(20, random.Next(byCategory.Length)))
        {
            if (c != channelIds[u])
            {
                follows.Add((userIds[u], c));
            }
        }
    }

    await seeder.FollowsAsync(follows);
    using var user = await host.SignUpAsync("benchhome");
    Guid userId;
    await using (var scope = host.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<Spectra.Data.SpectraDbContext>();
        userId = db.Users.Where(x => x.UserName == "benchhome").Select(x => x.Id).Single();
    }

    await seeder.FollowsAsync(Taste(500, 3).Select(c => (userId, c)));
    var sw = Stopwatch.StartNew();
    await host.Services.GetRequiredService<RecommendationModelHost>().RebuildAsync(CancellationToken.None);
    Console.WriteLine($"home: recommendation model rebuilt ({follows.Count + 500} follows) in {sw.Elapsed.TotalSeconds:0.0} s");
    for (var i = 0; i < 20; i++)
    {
        (await user.Http.GetAsync("/")).EnsureSuccessStatusCode();
    }

    var home = new List<double>();
    for (var i = 0; i < options.HomeRequests; i++)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await user.Http.GetAsync("/");
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        home.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (i == 0 && !html.Contains("Because you follow", StringComparison.Ordinal))
        {
            Console.WriteLine("home: warning, no collaborative explanation on the page");
        }
    }

    Console.WriteLine($"home (GET / signed in, 500 follows, with recommendations): {Percentiles.Of(home)}");
    var api = new List<double>();
    for (var i = 0; i < options.HomeRequests; i++)
    {
        var start = Stopwatch.GetTimestamp();
        (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?count=12")).GetArrayLength();
        api.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    Console.WriteLine($"home (GET /api/v1/recommendations): {Percentiles.Of(api)}");
}

if (options.Scenarios.Contains("fanout"))
{
    using var star = await host.SignUpAsync("benchstar");
    Guid starChannel;
    await using (var scope = host.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<Spectra.Data.SpectraDbContext>();
        starChannel = db.Channels.Where(c => c.Owner.UserName == "benchstar").Select(c => c.Id).Single();
    }

    var connectedClients = new List<TestClient>();
    var connectedIds = new List<Guid>();
    for (var i = 0; i < options.Connected; i++)
    {
        var client = await host.SignUpAsync("benchfan" + i);
        connectedClients.Add(client);
    }

    await using (var scope = host.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<Spectra.Data.SpectraDbContext>();
        connectedIds = db.Users.Where(u => u.UserName.StartsWith("benchfan")).Select(u => u.Id).ToList();
    }

    var followerCount = Math.Min(options.Followers - connectedIds.Count, userIds.Count);
    await seeder.FollowsAsync(userIds.Take(followerCount).Concat(connectedIds).Select(u => (u, starChannel)));
    var sockets = new List<ClientWebSocket>();
    foreach (var client in connectedClients)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = client.Cookies;
        await socket.ConnectAsync(new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/api/v1/me/notifications/live" }.Uri, CancellationToken.None);
        await ReceiveAsync(socket); // hello
        sockets.Add(socket);
    }

    var processor = host.Services.GetRequiredService<CommunityEventProcessor>();
    var bus = host.Services.GetRequiredService<IEventBus>();
    for (var round = 1; round <= 3; round++)
    {
        var evt = new StreamOnline(starChannel, "benchstar", Guid.NewGuid(), DateTime.UtcNow);
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHandled(object e)
        {
            if (ReferenceEquals(e, evt))
            {
                stored.TrySetResult();
            }
        }

        processor.EventHandled += OnHandled;
        var receives = sockets.Select(ReceiveAsync).ToList();
        var start = Stopwatch.GetTimestamp();
        await bus.PublishAsync(evt);
        await Task.WhenAll(receives).WaitAsync(TimeSpan.FromMinutes(5));
        var delivered = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await stored.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var all = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        processor.EventHandled -= OnHandled;
        Console.WriteLine($"fanout round {round}: {followerCount + connectedIds.Count} followers, {sockets.Count} connected: all connected received after {delivered:0} ms, all stored and handled after {all:0} ms");
        await bus.PublishAsync(new StreamOffline(starChannel, "benchstar", evt.StreamSessionId, DateTime.UtcNow));
    }

    foreach (var socket in sockets)
    {
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        socket.Dispose();
    }

    foreach (var client in connectedClients)
    {
        client.Dispose();
    }
}

static async Task ReceiveAsync(ClientWebSocket socket)
{
    var buffer = new byte[8192];
    WebSocketReceiveResult result;
    do
    {
        result = await socket.ReceiveAsync(buffer, CancellationToken.None);
    }
    while (!result.EndOfMessage);
}
