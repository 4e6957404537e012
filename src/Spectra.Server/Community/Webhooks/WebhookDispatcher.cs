using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Webhooks;

/// <summary>
/// Sends queued webhook deliveries. The queue is the WebhookDeliveries table, so deliveries survive
/// restarts; a node claims a due delivery by moving its NextAttemptAt forward in a conditional
/// update (only one node wins), sends it, then records the outcome and the next attempt time from
/// <see cref="WebhookRetryPolicy"/>. Up to <see cref="BatchSize"/> deliveries are in flight at once.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IDataProtectionProvider protection,
    WebhookSignal signal,
    IOptions<CommunityOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "Spectra.Webhooks";
    public const int BatchSize = 32;
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(15);

    private WebhookRetryPolicy Policy => new()
    {
        MaxAttempts = options.Value.WebhookMaxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(options.Value.WebhookBaseDelayMilliseconds),
        MaxDelay = TimeSpan.FromMilliseconds(options.Value.WebhookMaxDelayMilliseconds),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                CommunityLog.BackgroundFailed(logger, ex, "webhook dispatch");
                wait = TimeSpan.FromSeconds(5);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await signal.WaitAsync(wait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends what is due; returns how long to wait before looking again.</summary>
    internal async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await (from d in db.Set<WebhookDelivery>().AsNoTracking()
                         join w in db.Set<WebhookSubscription>() on d.SubscriptionId equals w.Id
                         where d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now
                         orderby d.NextAttemptAt
                         select new Due(d.Id, d.EventType, d.Payload, d.Attempts, d.NextAttemptAt, w.Url, w.ProtectedSecret))
                        .Take(BatchSize).ToListAsync(ct);

        var lease = now.AddSeconds(options.Value.WebhookTimeoutSeconds * 3);
        var claimed = new List<Due>(due.Count);
        foreach (var d in due)
        {
            var won = await db.Set<WebhookDelivery>()
                .Where(x => x.Id == d.Id && x.State == WebhookDeliveryState.Pending && x.NextAttemptAt == d.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, lease), ct);
            if (won == 1)
            {
                claimed.Add(d);
            }
        }

        var outcomes = await Task.WhenAll(claimed.Select(d => SendAsync(d, ct)));
        var policy = Policy;
        for (var i = 0; i < claimed.Count; i++)
        {
            var d = claimed[i];
            var (status, error) = outcomes[i];
            var attempt = d.Attempts + 1;
            var finishedAt = clock.GetUtcNow().UtcDateTime;
            int? code = status is null ? null : (int)status;
            if (WebhookRetryPolicy.IsSuccess(status))
            {
                CommunityLog.WebhookDelivered(logger, d.Id, attempt);
                await db.Set<WebhookDelivery>().Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, WebhookDeliveryState.Succeeded)
                    .SetProperty(x => x.Attempts, attempt)
                    .SetProperty(x => x.LastStatusCode, code)
                    .SetProperty(x => x.LastError, (string?)null)
                    .SetProperty(x => x.CompletedAt, finishedAt), ct);
                continue;
            }

            CommunityLog.WebhookAttemptFailed(logger, d.Id, attempt, code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response", error ?? string.Empty);
            var delay = policy.DelayAfter(attempt, status, Random.Shared);
            if (delay is TimeSpan next)
            {
                var nextAt = finishedAt + next;
                await db.Set<WebhookDelivery>().Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Attempts, attempt)
                    .SetProperty(x => x.LastStatusCode, code)
                    .SetProperty(x => x.LastError, error)
                    .SetProperty(x => x.NextAttemptAt, nextAt), ct);
            }
            else
            {
                CommunityLog.WebhookGaveUp(logger, d.Id, attempt);
                await db.Set<WebhookDelivery>().Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, WebhookDeliveryState.Failed)
                    .SetProperty(x => x.Attempts, attempt)
                    .SetProperty(x => x.LastStatusCode, code)
                    .SetProperty(x => x.LastError, error)
                    .SetProperty(x => x.CompletedAt, finishedAt), ct);
            }
        }

        if (due.Count == BatchSize)
        {
            return TimeSpan.Zero;
        }

        var nextDue = await db.Set<WebhookDelivery>().Where(x => x.State == WebhookDeliveryState.Pending).MinAsync(x => (DateTime?)x.NextAttemptAt, ct);
        if (nextDue is not DateTime at)
        {
            return MaxIdle;
        }

        var wait = at - clock.GetUtcNow().UtcDateTime;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxIdle ? MaxIdle : wait;
    }

    private async Task<(HttpStatusCode? Status, string? Error)> SendAsync(Due d, CancellationToken ct)
    {
        try
        {
            var secret = protection.CreateProtector(WebhookService.ProtectorPurpose).Unprotect(d.ProtectedSecret);
            var body = Encoding.UTF8.GetBytes(d.Payload);
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookSigner.EventHeader, d.EventType);
            request.Headers.TryAddWithoutValidation(WebhookSigner.DeliveryHeader, d.Id.ToString());
            request.Headers.TryAddWithoutValidation(WebhookSigner.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(WebhookSigner.SignatureHeader, WebhookSigner.Sign(secret, timestamp, body));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.WebhookTimeoutSeconds));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return (response.StatusCode, WebhookRetryPolicy.IsSuccess(response.StatusCode) ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "Timed out.");
        }
        catch (HttpRequestException ex)
        {
            return (null, Truncate(ex.Message));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (HttpStatusCode.BadRequest, "The webhook secret cannot be decrypted (data protection keys changed); recreate the webhook.");
        }
    }

    /// <summary>
    /// Handler for the webhook HttpClient: no redirects (they could point inside the network) and,
    /// unless private targets are allowed, a connect step that refuses non-public resolved addresses —
    /// checked at connect time so DNS changes after registration do not bypass the rule.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // Deliveries go straight to the checked address: a system proxy (HTTP_PROXY) would connect
        // on our behalf to wherever the URL names, past the address check in ConnectCallback.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => allowPrivate || WebhookUrlValidator.IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"Refused to connect to {context.DnsEndPoint.Host}: not a public address.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static string Truncate(string value) => value.Length > 300 ? value[..300] : value;

    private sealed record Due(Guid Id, string EventType, string Payload, int Attempts, DateTime NextAttemptAt, string Url, string ProtectedSecret);
}
