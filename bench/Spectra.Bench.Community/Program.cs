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
var plans = new QueryPlans(host.Services, database == DatabaseKind.Sqlite);

if (options.Scenarios.Contains("search"))
{
    var index = host.Services.GetRequiredService<SearchIndexHost>();
    var sw = Stopwatch.StartNew();
    var indexed = await index.CatchUpAllAsync(CancellationToken.None);
    Console.WriteLine($"search: indexed {indexed} channels in {sw.Elapsed.TotalSeconds:0.0} s ({indexed / sw.Elapsed.TotalSeconds:0} channels/s)");
    sw.Restart();
    await index.CatchUpAllAsync(CancellationToken.None);
    Console.WriteLine($"search: full reconcile pass, nothing stale, in {sw.Elapsed.TotalMilliseconds:0} ms");
    var idle = new List<double>();
    for (var i = 0; i < 50; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await index.CatchUpAsync(CancellationToken.None);
        idle.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    Console.WriteLine($"search: idle incremental pass (watermark): {Percentiles.Of(idle)}");
    var edits = new List<double>();
    for (var i = 0; i < 20; i++)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Spectra.Data.SpectraDbContext>();
            var channel = await db.Channels.FindAsync(channelIds[i * 97]) ?? throw new InvalidOperationException("Seeded channel missing.");
            channel.Title = "Edited title " + i;
            channel.UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        var start = Stopwatch.GetTimestamp();
        var count = await index.CatchUpAsync(CancellationToken.None);
        edits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (count != 1)
        {
            Console.WriteLine($"search: warning, incremental pass after one edit re-indexed {count} channels");
        }
    }

    Console.WriteLine($"search: incremental pass after editing one channel: {Percentiles.Of(edits)}");
    if (options.Plans)
    {
        await SearchPlansAsync(plans, names[0]);
    }

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

    Console.WriteLine($"search (service, {queries.Count} mixed queries, {empty} without results): {Percentiles.Of([.. service])}");
    for (var kind = 0; kind < ChannelCorpus.QueryKinds.Length; kind++)
    {
        var ofKind = service.Where((_, i) => i % ChannelCorpus.QueryKinds.Length == kind).ToList();
        Console.WriteLine($"search (service, {ChannelCorpus.QueryKinds[kind]}): {Percentiles.Of(ofKind)}");
    }

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
    var allChannels = channelIds.ToArray();
    var random = new Random(11);
    IEnumerable<Guid> Taste(int count, int category)
    {
        var picked = new HashSet<Guid>();
        while (picked.Count < count)
        {
            var pool = random.NextDouble() < 0.8 ? byCategory[category] : allChannels;
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
    if (options.Plans)
    {
        await HomePlansAsync(plans, userId);
    }

    var api = new List<double>();
    for (var i = 0; i < options.HomeRequests; i++)
    {
        var start = Stopwatch.GetTimestamp();
        (await user.Http.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?count=12")).GetArrayLength();
        api.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    Console.WriteLine($"home (GET /api/v1/recommendations): {Percentiles.Of(api)}");

    // The same page signed out (popular channels only): what the page costs without a profile.
    using var anonymous = host.CreateClient();
    var signedOut = new List<double>();
    for (var i = 0; i < options.HomeRequests; i++)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await anonymous.Http.GetAsync("/");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        signedOut.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    Console.WriteLine($"home (GET / signed out): {Percentiles.Of(signedOut)}");
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

    if (options.Plans)
    {
        await FanOutPlansAsync(plans, starChannel);
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

static async Task SearchPlansAsync(QueryPlans plans, string name)
{
    await plans.PrintAsync("search key lookup (common title word)", """SELECT "ChannelId", "Field" FROM "ChannelSearchKeys" WHERE "Key" = 'w:stream' LIMIT 1500""");
    await plans.PrintAsync("search key lookup (2-letter name prefix)", $"""SELECT "ChannelId", "Field" FROM "ChannelSearchKeys" WHERE "Key" = 'm:{name[..2]}' LIMIT 1500""");
    var grams = string.Join(", ", Spectra.Server.Community.Search.SearchText.Trigrams(name).Select(g => "'" + g + "'"));
    await plans.PrintAsync("typo candidates (trigrams of a channel name)", $"""
        SELECT "Term" FROM "SearchTermTrigrams" WHERE "Trigram" IN ({grams}) AND "TermLength" >= {name.Length - 2} AND "TermLength" <= {name.Length + 2}
        GROUP BY "Term" HAVING COUNT(*) >= {Math.Max(1, name.Length - 6)} LIMIT 200
        """);
    await plans.PrintAsync("re-index watermark", """SELECT MAX("UpdatedAt") FROM "Channels" """);
    await plans.PrintAsync("re-index incremental pass", $"""
        SELECT c."Id" FROM "Channels" AS c LEFT JOIN "ChannelSearchDocuments" AS d ON c."Id" = d."ChannelId"
        WHERE c."UpdatedAt" >= {plans.Time(DateTime.UtcNow.AddMinutes(-1))} AND (d."ChannelId" IS NULL OR d."SourceUpdatedAt" <> c."UpdatedAt") LIMIT 2000
        """);
}

static async Task HomePlansAsync(QueryPlans plans, Guid userId)
{
    await plans.PrintAsync("home: followed channels of the user", $"""SELECT "ChannelId" FROM "Follows" WHERE "FollowerId" = {plans.Guid(userId)}""");
    await plans.PrintAsync("home: users blocked either way", $"""
        SELECT CASE WHEN u."BlockerId" = {plans.Guid(userId)} THEN u."BlockedId" ELSE u."BlockerId" END FROM "UserBlocks" AS u
        WHERE u."BlockerId" = {plans.Guid(userId)} OR u."BlockedId" = {plans.Guid(userId)}
        """);
    await plans.PrintAsync("home: channels of those users and the user's own", $"""SELECT c."Id" FROM "Channels" AS c WHERE c."OwnerId" IN ({plans.Guid(userId)})""");
    await plans.PrintAsync("home: channels per category", """SELECT "CategoryId", COUNT(*) FROM "Channels" WHERE "CategoryId" IS NOT NULL GROUP BY "CategoryId" """);
}

static async Task FanOutPlansAsync(QueryPlans plans, Guid channelId)
{
    await plans.PrintAsync("fan-out: followers to notify", $"""
        SELECT f."FollowerId" FROM "Follows" AS f WHERE f."ChannelId" = {plans.Guid(channelId)}
          AND NOT EXISTS (SELECT 1 FROM "NotificationMutes" AS m WHERE m."UserId" = f."FollowerId" AND m."ChannelId" = {plans.Guid(channelId)})
        """);
}
