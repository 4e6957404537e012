using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Spectra.Server.Accounts;

namespace Spectra.Server.Infrastructure.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with the policies of <see cref="RateLimitPolicies"/>. A refused request gets 429 with
/// Retry-After and a problem details body (or a short plain-text page for a browser form), and one log line.
/// </summary>
internal static partial class RateLimitingHostingExtensions
{
    public static IHostApplicationBuilder AddSpectraRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(RateLimitPolicies.Forms, context => Partition(context, PartitionBy.Address, static o => o.Forms, static o => o.Forms, postsOnly: true));
            limiter.AddPolicy(RateLimitPolicies.Account, context => Partition(context, PartitionBy.UserOrAddress, static o => o.Account, static o => o.Account, postsOnly: true));
            limiter.AddPolicy(RateLimitPolicies.ApiWrites, context => Partition(context, PartitionBy.UserOrAddress, static o => o.ApiWritesPerUser, static o => o.ApiWritesPerAddress, postsOnly: true));
            limiter.AddPolicy(RateLimitPolicies.Realtime, context => Partition(context, PartitionBy.UserOrAddress, static o => o.RealtimePerUser, static o => o.RealtimePerAddress, postsOnly: false));
        });
        return builder;
    }

    private enum PartitionBy
    {
        Address,
        UserOrAddress,
    }

    /// <summary>
    /// The bucket a request draws from: "user:{id}" for a signed-in caller (cookie or token) where the policy is per user,
    /// else "address:{client address}" (an IPv6 client by its /64, the usual allocation to one household or host).
    /// Safe methods (GET, HEAD, OPTIONS) of write-only policies and disabled limits draw from none.
    /// </summary>
    private static RateLimitPartition<string> Partition(
        HttpContext context,
        PartitionBy by,
        Func<RateLimitOptions, RequestRate> perUser,
        Func<RateLimitOptions, RequestRate> perAddress,
        bool postsOnly)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled || (postsOnly && IsSafe(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var userId = by == PartitionBy.UserOrAddress ? context.User.GetUserId() : null;
        var (key, rate) = userId is { } id
            ? ("user:" + id.ToString("N"), perUser(options))
            : ("address:" + AddressKey(context.Connection.RemoteIpAddress), perAddress(options));
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(rate));
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>The client address as a bucket key: IPv4 (also IPv4-mapped IPv6) whole, IPv6 by its /64 network.</summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>
    /// A token bucket holding <see cref="RequestRate.Burst"/>, refilled evenly to <see cref="RequestRate.PerMinute"/>:
    /// one token every 60/PerMinute s when that is at least a second, else PerMinute/60 (rounded up) every second.
    /// </summary>
    internal static TokenBucketRateLimiterOptions Bucket(RequestRate rate)
    {
        var (tokens, period) = rate.PerMinute <= 60
            ? (1, TimeSpan.FromSeconds(60.0 / rate.PerMinute))
            : ((int)Math.Ceiling(rate.PerMinute / 60.0), TimeSpan.FromSeconds(1));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "?";
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingHostingExtensions).FullName!);
        LogRejected(logger, policy, context.Request.Method, context.Request.Path, context.User.GetUserName() ?? "-", AddressKey(context.Connection.RemoteIpAddress), seconds);

        var detail = $"Too many requests; try again in {seconds} s.";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
        if (!written)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Rate limit {Policy} refused {Method} {Path} from user {User} at {Address}; retry after {Seconds} s")]
    private static partial void LogRejected(ILogger logger, string policy, string method, string path, string user, string address, int seconds);
}
