namespace Spectra.Server.Chat.Internal.Limits;

/// <summary>A burst size and a sustained rate (calls per second).</summary>
internal sealed record RateLimitRule(double Burst, double PerSecond);
