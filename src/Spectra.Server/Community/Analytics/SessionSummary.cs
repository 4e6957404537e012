namespace Spectra.Server.Community.Analytics;

/// <summary>
/// Figures for one broadcast. <see cref="AverageViewers"/> is time-weighted (each sample holds until the
/// next one or the end); <see cref="WatchTime"/> is the sum of viewers' watch intervals.
/// </summary>
internal sealed record SessionSummary(
    DateTime Start,
    DateTime? End,
    TimeSpan Duration,
    int PeakViewers,
    double AverageViewers,
    int UniqueViewers,
    TimeSpan WatchTime,
    int ChatMessages,
    int NewFollowers);
