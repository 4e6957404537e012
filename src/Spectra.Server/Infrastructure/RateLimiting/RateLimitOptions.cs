using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Infrastructure.RateLimiting;

/// <summary>
/// Configuration section "RateLimits": how many requests of each kind one signed-in user or one client address may
/// make (token buckets: <see cref="RequestRate.Burst"/> at once, refilled at <see cref="RequestRate.PerMinute"/>).
/// In memory, per node. The defaults let a class or an office behind one address (50 viewers opening a channel at
/// once) through and stop scripted floods. Environment: RateLimits__Forms__Burst and so on.
/// </summary>
internal sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "RateLimits";

    /// <summary>Off only for test and benchmark hosts that drive thousands of clients from one address.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in, sign-up and sign-out form posts per client address.</summary>
    public RequestRate Forms { get; set; } = new() { Burst = 30, PerMinute = 30 };

    /// <summary>Account changes per user: password, access tokens, sessions.</summary>
    public RequestRate Account { get; set; } = new() { Burst = 20, PerMinute = 10 };

    /// <summary>API writes (POST, PUT, PATCH, DELETE on /api/v1) per signed-in user or token.</summary>
    public RequestRate ApiWritesPerUser { get; set; } = new() { Burst = 120, PerMinute = 120 };

    /// <summary>Anonymous API writes per client address (player heartbeats of everyone behind it).</summary>
    public RequestRate ApiWritesPerAddress { get; set; } = new() { Burst = 600, PerMinute = 600 };

    /// <summary>Realtime connections (chat hub negotiation and connection, notifications socket) per signed-in user.</summary>
    public RequestRate RealtimePerUser { get; set; } = new() { Burst = 60, PerMinute = 60 };

    /// <summary>Anonymous realtime connections per client address.</summary>
    public RequestRate RealtimePerAddress { get; set; } = new() { Burst = 300, PerMinute = 300 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var rates = new (string Name, RequestRate Rate)[]
        {
            (nameof(Forms), Forms), (nameof(Account), Account), (nameof(ApiWritesPerUser), ApiWritesPerUser),
            (nameof(ApiWritesPerAddress), ApiWritesPerAddress), (nameof(RealtimePerUser), RealtimePerUser),
            (nameof(RealtimePerAddress), RealtimePerAddress),
        };
        foreach (var (name, rate) in rates)
        {
            var results = new List<ValidationResult>();
            if (rate is null)
            {
                yield return new ValidationResult($"{SectionName}:{name} is required.", [name]);
                continue;
            }

            Validator.TryValidateObject(rate, new ValidationContext(rate), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{SectionName}:{name}: {result.ErrorMessage}", [name]);
            }
        }
    }
}

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PerMinute"/>.</summary>
internal sealed class RequestRate
{
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 1;

    [Range(1, 1_000_000)]
    public int PerMinute { get; set; } = 1;
}
