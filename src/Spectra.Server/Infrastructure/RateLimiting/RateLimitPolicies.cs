namespace Spectra.Server.Infrastructure.RateLimiting;

/// <summary>Names of the request rate limits, for <c>RequireRateLimiting</c> and <c>[EnableRateLimiting]</c>.</summary>
internal static class RateLimitPolicies
{
    /// <summary>Sign-in, sign-up and sign-out posts, per client address.</summary>
    public const string Forms = "forms";

    /// <summary>Posts of the account settings page, per user.</summary>
    public const string Account = "account";

    /// <summary>Writes to /api/v1, per user or token, or per client address when anonymous. Reads are not limited.</summary>
    public const string ApiWrites = "api-writes";

    /// <summary>Chat hub negotiation and connection, the notifications socket: per user, or per client address when anonymous.</summary>
    public const string Realtime = "realtime";
}
