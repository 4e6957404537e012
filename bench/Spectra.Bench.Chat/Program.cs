using System.Diagnostics;
using System.Globalization;
using System.Net;
using Spectra.Bench.Chat;

// Chat fan-out load generator. Starts the Spectra server as a separate process on 127.0.0.1
// (or uses --url), signs up a channel owner and sender accounts, connects --clients readers to
// one channel and has --senders accounts send --rate messages per second in total. Reports
// deliveries per second, delivery latency (send to receive, same clock), server CPU and memory.
// Senders use the .NET SignalR client; readers the lean LoadClient unless --readers hub.
var options = BenchOptions.Parse(args);
Console.WriteLine($"clients={options.Clients} senders={options.Senders} rate={options.Rate}/s warmup={options.Warmup.TotalSeconds}s duration={options.Duration.TotalSeconds}s batch={options.BatchMilliseconds}ms readers={(options.HubReaders ? "hub" : "lean")}");

var environment = new Dictionary<string, string>
{
    // The bench signs up its users through the form from one address.
    ["Accounts__SignUp"] = "Open",
    ["Accounts__SignUpsPerAddressPerHour"] = "100000",
    ["RateLimits__Enabled"] = "false",
    ["Chat__AddressLimit__Burst"] = "1000000",
    ["Chat__AddressLimit__PerSecond"] = "1000000",
    ["Chat__MethodLimits__JoinChannel__Burst"] = "1000000",
    ["Chat__MethodLimits__JoinChannel__PerSecond"] = "1000000",
    ["Chat__MethodLimits__SendMessage__Burst"] = "1000",
    ["Chat__MethodLimits__SendMessage__PerSecond"] = "1000",
    ["Chat__FanOutBatchMilliseconds"] = options.BatchMilliseconds.ToString(CultureInfo.InvariantCulture),
};
foreach (var (key, value) in BenchAccounts.ServerEnvironment)
{
    environment[key] = value;
}

await using var server = await ServerProcess.StartAsync(options.ServerDll, environment);
var baseAddress = server.BaseAddress;
var hub = new Uri(baseAddress, "/hubs/chat");
Console.WriteLine($"server pid {server.ProcessId} at {baseAddress}");

var channel = "benchowner";
await BenchAccounts.SignUpAsync(baseAddress, channel);
var senderCookies = new List<CookieContainer>();
for (var i = 0; i < options.Senders; i++)
{
    senderCookies.Add(await BenchAccounts.SignUpAsync(baseAddress, $"benchsender{i}"));
}

var stats = new LoadStats();
var clients = new List<IChatLoadClient>(options.Clients);
using var stop = new CancellationTokenSource();
var connectWatch = Stopwatch.StartNew();
using (var gate = new SemaphoreSlim(32))
{
    var connects = new List<Task>();
    for (var i = 0; i < options.Clients; i++)
    {
        IChatLoadClient client = options.HubReaders ? new HubLoadClient(hub, null, stats) : new LoadClient(hub, stats);
        clients.Add(client);
        await gate.WaitAsync();
        connects.Add(Task.Run(async () =>
        {
            try
            {
                await client.ConnectAsync(channel, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    await Task.WhenAll(connects);
}

Console.WriteLine($"{clients.Count} readers connected in {connectWatch.Elapsed.TotalSeconds:F1} s");

var senders = new List<HubLoadClient>();
foreach (var cookies in senderCookies)
{
    var sender = new HubLoadClient(hub, cookies, stats);
    await sender.ConnectAsync(channel, CancellationToken.None);
    senders.Add(sender);
}

// Keep-alive pings of the lean readers (the server drops clients silent for 30 s); HubConnection pings by itself.
var leanReaders = clients.OfType<LoadClient>().ToList();
var pinger = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
    while (await timer.WaitForNextTickAsync(stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
    {
        foreach (var client in leanReaders)
        {
            await client.PingAsync(stop.Token);
        }
    }
});

// Senders: a fixed schedule of options.Rate messages per second spread over the senders.
long sent = 0;
var sending = Task.Run(async () =>
{
    var interval = TimeSpan.FromSeconds(1.0 / options.Rate);
    var start = Stopwatch.GetTimestamp();
    var next = 0L;
    while (!stop.IsCancellationRequested)
    {
        var due = start + (long)(next * interval.TotalSeconds * Stopwatch.Frequency);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        senders[(int)(next % senders.Count)].SendStamped(channel);
        Interlocked.Increment(ref sent);
        next++;
    }
});

await Task.Delay(options.Warmup);
stats.Latency.Reset();
Interlocked.Exchange(ref stats.Deliveries, 0);
var sentAtStart = Interlocked.Read(ref sent);
var cpuStart = server.CpuTime();
var selfCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
var watch = Stopwatch.StartNew();
stats.Measuring = true;
await Task.Delay(options.Duration);
stats.Measuring = false;
var elapsed = watch.Elapsed;
var serverCpu = server.CpuTime() - cpuStart;
var selfCpu = Process.GetCurrentProcess().TotalProcessorTime - selfCpuStart;
var memory = server.Memory();
var sentInWindow = Interlocked.Read(ref sent) - sentAtStart;
await stop.CancelAsync();
await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
await pinger.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

var deliveries = Interlocked.Read(ref stats.Deliveries);
var expected = sentInWindow * (long)(options.Clients + options.Senders);
Console.WriteLine();
Console.WriteLine("| metric | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| connected clients | {options.Clients} readers + {options.Senders} senders |");
Console.WriteLine($"| messages sent | {sentInWindow} in {elapsed.TotalSeconds:F1} s ({sentInWindow / elapsed.TotalSeconds:F1}/s) |");
Console.WriteLine($"| deliveries | {deliveries} ({deliveries / elapsed.TotalSeconds:F0}/s; expected about {expected / elapsed.TotalSeconds:F0}/s) |");
Console.WriteLine($"| delivery latency p50 / p99 / max bucket | {stats.Latency.Quantile(0.5):F1} / {stats.Latency.Quantile(0.99):F1} / {stats.Latency.Quantile(1.0):F1} ms |");
Console.WriteLine($"| send errors (refused or failed) | {Interlocked.Read(ref stats.SendErrors)} |");
Console.WriteLine($"| server CPU | {serverCpu.TotalSeconds / elapsed.TotalSeconds * 100:F0}% of one core |");
Console.WriteLine($"| load generator CPU | {selfCpu.TotalSeconds / elapsed.TotalSeconds * 100:F0}% of one core |");
Console.WriteLine($"| server memory RSS / peak | {memory.Rss:F0} / {memory.Peak:F0} MiB |");

foreach (var client in senders.Concat(clients))
{
    await client.DisposeAsync();
}
