using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Spectra.Bench.Chat;

/// <summary>
/// A load client on the .NET SignalR client (<see cref="HubConnection"/>, WebSockets without
/// negotiation): every sender, and every reader with <c>--readers hub</c>. "messages" invocations
/// are bound to a minimal message shape; texts of the form "b:{ticks}" (stamped by a sender in this
/// process) record the delivery latency.
/// </summary>
internal sealed class HubLoadClient : IChatLoadClient
{
    private readonly HubConnection _connection;
    private readonly LoadStats _stats;

    public HubLoadClient(Uri hub, CookieContainer? cookies, LoadStats stats)
    {
        _stats = stats;
        _connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                if (cookies is not null)
                {
                    options.Cookies = cookies;
                }
            })
            .Build();
        _connection.On<StampedMessage[]>("messages", OnMessages);
    }

    public async Task ConnectAsync(string channel, CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        await _connection.InvokeAsync("JoinChannel", channel, null, cancellationToken);
    }

    /// <summary>Sends a chat message stamped with the current timestamp; its result is checked when it arrives.</summary>
    public void SendStamped(string channel)
    {
        var stamp = Stopwatch.GetTimestamp();
        _ = CountFailureAsync(_connection.InvokeAsync<SendOutcome>("SendMessage", channel, "b:" + stamp.ToString(CultureInfo.InvariantCulture)));
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task CountFailureAsync(Task<SendOutcome> send)
    {
        try
        {
            if ((await send).Status == "refused")
            {
                Interlocked.Increment(ref _stats.SendErrors);
            }
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or OperationCanceledException)
        {
            Interlocked.Increment(ref _stats.SendErrors);
        }
    }

    private void OnMessages(StampedMessage[] messages)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var message in messages)
        {
            foreach (var segment in message.Segments)
            {
                if (segment.Text is { Length: > 2 } text && text.StartsWith("b:", StringComparison.Ordinal)
                    && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
                {
                    _stats.Record(now, stamp);
                }
            }
        }
    }

    private sealed record StampedMessage(StampedSegment[] Segments);

    private sealed record StampedSegment(string? Text);

    private sealed record SendOutcome(string Status);
}
