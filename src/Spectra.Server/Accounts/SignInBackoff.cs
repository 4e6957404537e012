namespace Spectra.Server.Accounts;

/// <summary>
/// The growing wait after repeated failed sign-ins: none for the first <c>freeFailures - 1</c>
/// failures, then <c>base</c> after failure number <c>freeFailures</c>, doubling with each further
/// failure up to <c>max</c>. Used per account (database) and per address (<see cref="SignInThrottle"/>).
/// </summary>
internal static class SignInBackoff
{
    /// <summary>The wait after the <paramref name="failures"/>-th consecutive failure.</summary>
    public static TimeSpan After(int failures, int freeFailures, TimeSpan @base, TimeSpan max)
    {
        if (failures < freeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - freeFailures, 30);
        var ticks = Math.Min((double)@base.Ticks * Math.Pow(2, doublings), max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
