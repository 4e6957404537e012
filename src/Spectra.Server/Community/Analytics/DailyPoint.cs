namespace Spectra.Server.Community.Analytics;

/// <summary>One day (UTC date) of a period chart.</summary>
internal readonly record struct DailyPoint(DateOnly Day, double Value);
