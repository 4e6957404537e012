namespace Spectra.Server.Community.Analytics;

/// <summary>Concurrent viewers of a channel at an instant (UTC).</summary>
internal readonly record struct ViewerSample(DateTime At, int Viewers);
