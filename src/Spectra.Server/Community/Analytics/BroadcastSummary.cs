namespace Spectra.Server.Community.Analytics;

/// <summary>One broadcast in the dashboard list, with its figures and viewers-over-time chart (SVG).</summary>
internal sealed record BroadcastSummary(Guid Id, SessionSummary Summary, string? ViewersChartSvg);
